import json

from tests.clirun import run_cli
from tests.people.importdata import LINKEDIN


def test_import_dry_run_then_for_real_then_again_then_undo(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(LINKEDIN.encode())
    data = tmp_path / "data"
    dry = run_cli(data, "import", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "new people:        3" in dry.stdout and "Nothing was written" in dry.stdout
    assert json.loads(run_cli(data, "people", "list", "--json").stdout) == []
    real = json.loads(run_cli(data, "import", str(path), "--json").stdout)
    assert (real["new"], real["skipped"], real["problems"][0]["row"]) == (3, 1, 8)
    again = json.loads(run_cli(data, "import", str(path), "--json").stdout)
    assert (again["new"], again["matched"]) == (0, 3)
    undo = run_cli(data, "import", "--undo", str(real["batch"]))
    assert undo.returncode == 0 and "Removed 3 people" in undo.stdout
    assert json.loads(run_cli(data, "people", "list", "--json").stdout) == []


def test_a_refused_file_exits_1_with_a_message(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("Region,Q1 sales\nNorth,100\n")
    result = run_cli(tmp_path / "data", "import", str(path))
    assert result.returncode == 1 and "Nothing was imported." in result.stderr
    missing = run_cli(tmp_path / "data", "import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "Cannot read" in missing.stderr
    assert run_cli(tmp_path / "data", "import", str(path), "--format", "pdf").returncode == 2


def test_export_csv_is_safe_and_vcard_reimports(tmp_path):
    data = tmp_path / "data"
    assert run_cli(data, "people", "add", "=HYPERLINK(evil) Person", "--title=-2+3").returncode == 0
    out = tmp_path / "people.csv"
    assert run_cli(data, "export", "csv", "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'-2+3" in text
    vcf = tmp_path / "people.vcf"
    assert run_cli(data, "export", "vcard", "-o", str(vcf)).returncode == 0
    other = tmp_path / "other"
    result = json.loads(run_cli(other, "import", str(vcf), "--json").stdout)
    assert result["format"] == "vcard" and result["new"] == 1


def test_the_text_summary_counts_conflicts_and_lists_them_readably(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(LINKEDIN.encode())
    data = tmp_path / "data"
    added = run_cli(data, "people", "add", "Hélène Béland", "--email", "helene@northwind.example", "--org", "Somewhere Else")
    assert added.returncode == 0, added.stderr
    result = run_cli(data, "import", str(path), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "conflicts kept:    1\n" in result.stdout
    assert "[{" not in result.stdout and "'row'" not in result.stdout
    assert "row 5, Hélène Béland: organisation kept as “Somewhere Else” (file: “Northwind Health”)" in result.stdout
