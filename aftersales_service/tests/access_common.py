"""The access-matrix checker, shared by the addons: each addon writes who may create (c), read
(r), write (w) and delete (u) each of its own models, from DESIGN.md's Security section, not read
off the access files, and mixes ``AccessMatrixChecks`` into a ``TransactionCase``."""

from odoo.tests import new_test_user

GROUPS = {
    "portal": "base.group_portal",
    "engineer": "base.group_user,aftersales_service.group_aftersales_engineer",
    "user": "base.group_user,aftersales_service.group_aftersales_user",
    "manager": "base.group_user,aftersales_service.group_aftersales_manager",
    "accountant": "base.group_user,account.group_account_invoice",
    "stock": "base.group_user,stock.group_stock_user",
}
OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}


class AccessMatrixChecks:
    """``MATRIX``: a header row of columns (keys of ``GROUPS``), then one row per model of
    ``MODULE`` with its rights per column (``-`` for none). Odoo's test loader runs only the
    test methods a class defines itself: each addon's class defines ``test_*`` methods that
    call these checks."""

    MATRIX = ""
    MODULE = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lines = [line.split() for line in cls.MATRIX.strip().splitlines()]
        cls.columns = lines[0][1:]
        cls.expected = {row[0]: dict(zip(cls.columns, row[1:], strict=True)) for row in lines[1:]}
        cls.users = {
            column: new_test_user(cls.env, f"t_matrix_{column}", groups=GROUPS[column])
            for column in cls.columns
        }

    def _check_every_model_is_in_the_matrix(self):
        models = {
            model
            for model in self.env.registry
            if self.env[model]._original_module == self.MODULE and not self.env[model]._abstract
        }
        self.assertTrue(models, self.MODULE)
        self.assertEqual(models, set(self.expected))

    def _check_access_rights(self):
        wrong = []
        for model, row in self.expected.items():
            for column, rights in row.items():
                Model = self.env[model].with_user(self.users[column])
                for letter, operation in OPERATIONS.items():
                    allowed = Model.has_access(operation)
                    if allowed != (letter in rights):
                        wrong.append(
                            f"{model} {column} {operation}: {'allowed' if allowed else 'refused'}"
                        )
        self.assertFalse(wrong, "\n".join(wrong))
