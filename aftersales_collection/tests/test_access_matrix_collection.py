from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_service.tests.access_common import AccessMatrixChecks

# Who may create (c), read (r), write (w) and delete (u) each model of this addon, written from
# DESIGN.md's Security section (issue 12), not read off the access files:
# - the back office (after-sales user) hands projects over, records retention money, disputes,
#   escalations and punch items; the after-sales manager also deletes what may be deleted;
#   engineers work on the punch items (R31);
# - accounting (Odoo's Invoicing group) reads the receivables reports, disputes and escalations,
#   and records the collection of retention money; the warehouse reads none of these;
# - portal users read their own commercial partner's retention money (record rules), and
#   nothing else.
MATRIX = """
model                               portal  engineer  user  manager  accountant  stock
aftersales.retention                r       -         crw   crwu     rw          -
aftersales.retention.dispute        -       -         crw   crwu     r           -
aftersales.retention.escalation     -       -         crw   crwu     r           -
aftersales.punch.item               -       rw        crw   crwu     -           -
aftersales.ageing.report            -       -         r     r        r           -
aftersales.handover.wizard          -       -         crwu  crwu     -           -
aftersales.handover.wizard.line     -       -         crwu  crwu     -           -
"""


@tagged("post_install", "-at_install")
class TestCollectionAccessMatrix(AccessMatrixChecks, TransactionCase):
    MATRIX = MATRIX
    MODULE = "aftersales_collection"

    def test_every_model_is_in_the_matrix(self):
        self._check_every_model_is_in_the_matrix()

    def test_access_rights(self):
        self._check_access_rights()
