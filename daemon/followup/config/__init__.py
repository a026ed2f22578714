"""The configuration: one schema, loaded and checked into a typed `Config`.

`schema` declares every key (type, default, description, example); `load` reads the YAML,
reports every problem with its key, and builds `followup.config_model.Config`; `secrets`
reads passwords, tokens and notification URLs from where the config says they are. The
names below are the package's public face.
"""

from followup.config.load import (
    check_files,
    default_config_path,
    default_state_dir,
    load_config,
    parse_config,
    port_tls_mismatch,
    render_example,
    summary,
)

__all__ = ["check_files", "default_config_path", "default_state_dir", "load_config",
           "parse_config", "port_tls_mismatch", "render_example", "summary"]
