from coffeechat.people.views.exports import export_download
from coffeechat.people.views.imports import (
    import_batch,
    import_cancel,
    import_confirm,
    import_progress,
    import_start,
    import_undo,
)
from coffeechat.people.views.organizations import (
    organization_add,
    organization_delete,
    organization_detail,
    organization_edit,
    organization_list,
)
from coffeechat.people.views.people import (
    organization_pick,
    person_add,
    person_delete,
    person_detail,
    person_edit,
    person_list,
    person_pick,
)

__all__ = [
    "export_download",
    "import_batch", "import_cancel", "import_confirm", "import_progress", "import_start", "import_undo",
    "organization_add", "organization_delete", "organization_detail", "organization_edit", "organization_list",
    "person_add", "person_delete", "person_detail", "person_edit", "person_list", "person_pick", "organization_pick",
]
