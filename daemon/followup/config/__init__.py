"""The configuration: one schema, loaded and checked into a typed `Config`.

The schema (`followup.schema`) declares every key (type, default, description, example);
`load` reads the YAML, reports every problem with its key, and builds
`followup.config_model.Config`; `files` checks the files it names before anything runs;
`example` writes `config.example.yaml` from the schema; `secrets` reads passwords, tokens and
notification URLs from where the config says they are. The names below are the package's
public face.
"""

from followup.config.example import render_example
from followup.config.files import check_files
from followup.config.load import (
    default_config_path,
    default_state_dir,
    load_config,
    parse_config,
    port_tls_mismatch,
    summary,
)

__all__ = ["check_files", "default_config_path", "default_state_dir", "load_config",
           "parse_config", "port_tls_mismatch", "render_example", "summary"]
