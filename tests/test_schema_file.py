"""The published JSON Schema of the annotation format is the one the loader validates with."""

import json
from pathlib import Path

from click.testing import CliRunner
from jsonschema import Draft202012Validator

from newsdb.annotation import json_schema
from newsdb.cli import main

SCHEMA_FILE = Path(__file__).parents[1] / "seeds" / "annotation.schema.json"


def test_committed_schema_file_is_current():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate it: newsdb schema > seeds/annotation.schema.json"
    )


def test_schema_command_prints_a_valid_json_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    Draft202012Validator.check_schema(schema)
    assert schema["title"] == "newsdb article annotation"
    assert "quotes" in schema["properties"]
