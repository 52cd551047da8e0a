from odoo.tests import TransactionCase, new_test_user, tagged

# Who may create (c), read (r), write (w) and delete (u) each model of the three addons, written
# from DESIGN.md's Security section (issue 12), not read off the access files:
# - engineers read the project files and work on their own trips, briefings, reports and punch
#   items; the back office (after-sales user) records projects, requests, trips and files the
#   archive; the after-sales manager also configures and deletes what may be deleted;
# - accounting (Odoo's Invoicing group) reads projects, the finance part of the archive and the
#   receivables reports, and records the collection of retention money; the warehouse (Odoo's
#   Inventory user) works in Odoo's own models and reads none of ours;
# - portal users read their own commercial partner's projects, reports, shared archive entries
#   and retention money (record rules), and nothing else;
# - archive entries are never deleted, by anyone (R39); record rules narrow all this further;
# - complaints (R4) are customer service's and the manager's; a complaint is a record, never
#   deleted; the customer reads their own and files them through the portal (sudo'd controller).
MATRIX = """
model                               portal  engineer  user  manager  accountant  stock
aftersales.project                  r       r         crw   crwu     r           -
aftersales.ticket.pause             -       r         r     crwu     -           -
aftersales.calendar.workday         -       r         r     crwu     r           r
aftersales.deadline.warning         -       r         r     crwu     -           -
aftersales.phone.intake             -       -         crwu  crwu     -           -
aftersales.holiday.import           -       -         -     crwu     -           -
aftersales.clock.correction         -       -         -     crw      -           -
aftersales.parts.resolver           -       -         crwu  crwu     -           -
aftersales.parts.resolver.line      -       -         crwu  crwu     -           -
aftersales.archive.category         r       r         r     crw      r           -
aftersales.archive.entry            r       r         crw   crw      r           -
aftersales.archive.counter          -       -         -     r        -           -
aftersales.archive.project.type     -       r         r     crwu     r           -
aftersales.dispatch                 -       rw        crw   crwu     -           -
aftersales.employee.certificate     -       -         r     r        -           -
aftersales.statistics               -       -         r     r        -           -
aftersales.engineer.statistics      -       -         r     r        -           -
aftersales.service.report           r       crw       crw   crwu     -           -
aftersales.service.report.sign      -       crwu      crwu  crwu     -           -
aftersales.hazard                   -       r         crw   crwu     -           -
aftersales.hazard.briefing          -       rw        crw   crwu     -           -
aftersales.hazard.briefing.line     -       r         r     r        -           -
aftersales.hazard.copy              -       -         crwu  crwu     -           -
aftersales.retention                r       -         crw   crwu     rw          -
aftersales.retention.dispute        -       -         crw   crwu     r           -
aftersales.retention.escalation     -       -         crw   crwu     r           -
aftersales.punch.item               -       rw        crw   crwu     -           -
aftersales.ageing.report            -       -         r     r        r           -
aftersales.handover.wizard          -       -         crwu  crwu     -           -
aftersales.handover.wizard.line     -       -         crwu  crwu     -           -
aftersales.complaint                r       -         crw   crw      -           -
aftersales.visit                    -       rw        crw   crwu     -           -
aftersales.visit.check              -       rw        crwu  crwu     -           -
"""

GROUPS = {
    "portal": "base.group_portal",
    "engineer": "base.group_user,aftersales_service.group_aftersales_engineer",
    "user": "base.group_user,aftersales_service.group_aftersales_user",
    "manager": "base.group_user,aftersales_service.group_aftersales_manager",
    "accountant": "base.group_user,account.group_account_invoice",
    "stock": "base.group_user,stock.group_stock_user",
}
OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}
MODULES = ("aftersales_service", "aftersales_hazard", "aftersales_collection")


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lines = [line.split() for line in MATRIX.strip().splitlines()]
        cls.columns = lines[0][1:]
        cls.expected = {row[0]: dict(zip(cls.columns, row[1:], strict=True)) for row in lines[1:]}
        cls.users = {
            column: new_test_user(cls.env, f"t_matrix_{column}", groups=GROUPS[column])
            for column in cls.columns
        }

    def test_every_model_is_in_the_matrix(self):
        models = {
            model
            for model in self.env.registry
            if self.env[model]._original_module in MODULES and not self.env[model]._abstract
        }
        self.assertEqual(models, set(self.expected))

    def test_access_rights(self):
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
