"""Importing contacts: match each record to the user's people, preview, apply in one go, undo.

planning.py decides (reads, never writes); writing.py applies a plan and undoes an import.
"""

from coffeechat.people.imports.planning import FORMAT_LABELS, ImportPlan, Known, Update, plan_import
from coffeechat.people.imports.writing import (
           apply_import,
           import_file,
           undo_import,
           undoable_people,
)

__all__ = ["FORMAT_LABELS", "ImportPlan", "Known", "Update", "apply_import", "import_file", "plan_import",
           "undo_import", "undoable_people"]
