"""Check the addons' Python file layout (the convention in .pylintrc-mandatory's header).

A file under models/ or wizards/ holds one model: ``<model>.py`` defines it (with its ``.line``
model, if it has one), ``<model>_<feature>.py`` extends it by one feature (the model's name with
its dots as underscores). Run by pre-commit (setup/lint.sh); prints every file that breaks it.
"""

import ast
import sys
from pathlib import Path

from cli_log import report

# The one exception: OCA's code strings we show, re-declared in one catalogue so that their
# Chinese can be read and checked together (models/oca_code_terms.py explains why).
CATALOGUES = {"oca_code_terms.py"}


def model_names(path):
    """The ``_name`` (or else ``_inherit``) of each model class defined in ``path``."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        attrs = {
            stmt.targets[0].id: stmt.value.value
            for stmt in node.body
            if isinstance(stmt, ast.Assign)
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Constant)
        }
        if "_name" in attrs or "_inherit" in attrs:
            names.append(attrs.get("_name") or attrs["_inherit"])
    return names


def layout_error(path):
    """Why ``path`` breaks the convention, or None."""
    if path.name == "__init__.py" or path.name in CATALOGUES:
        return None
    models = model_names(path)
    if not models:
        return "defines no model"
    main = models[0]
    if any(other != f"{main}.line" for other in models[1:]):
        return f"holds several models: {', '.join(models)}"
    stem = main.replace(".", "_")
    if path.stem != stem and not path.stem.startswith(stem + "_"):
        return f"is named neither {stem}.py nor {stem}_<feature>.py"
    return None


def main(root):
    files = sorted(Path(root).glob("aftersales_*/models/*.py")) + sorted(
        Path(root).glob("aftersales_*/wizards/*.py")
    )
    errors = [(path, layout_error(path)) for path in files]
    errors = [(path, error) for path, error in errors if error]
    for path, error in errors:
        report.error("%s %s", path, error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
