from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_service.tests.access_common import AccessMatrixChecks

# Who may create (c), read (r), write (w) and delete (u) each model of this addon, written from
# DESIGN.md's Security section (issue 12), not read off the access files:
# - engineers read the site hazards and acknowledge their own briefings; the back office
#   (after-sales user) records the hazards and plans the briefings; the after-sales manager also
#   deletes what may be deleted; a briefing's lines are the snapshot the engineer was shown;
# - accounting, the warehouse and portal users read none of these.
MATRIX = """
model                               portal  engineer  user  manager  accountant  stock
aftersales.hazard                   -       r         crw   crwu     -           -
aftersales.hazard.briefing          -       rw        crw   crwu     -           -
aftersales.hazard.briefing.line     -       r         r     r        -           -
aftersales.hazard.copy              -       -         crwu  crwu     -           -
"""


@tagged("post_install", "-at_install")
class TestHazardAccessMatrix(AccessMatrixChecks, TransactionCase):
    MATRIX = MATRIX
    MODULE = "aftersales_hazard"

    def test_every_model_is_in_the_matrix(self):
        self._check_every_model_is_in_the_matrix()

    def test_access_rights(self):
        self._check_access_rights()
