"""Reading what authors wrote, safely: any bytes, hostile YAML, the line of every key.

- ``yaml_lines``: YAML loaded within a budget (alias bombs refused), keys with their lines.
- ``front_matter``: a page's front matter and body, and the line its body starts on.
- ``house_rules``: the site's own writing rules for front matter (checked, never fixed).
"""
