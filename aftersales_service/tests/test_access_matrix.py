from odoo.tests import TransactionCase, tagged

from .access_common import AccessMatrixChecks

# Who may create (c), read (r), write (w) and delete (u) each model of this addon, written from
# DESIGN.md's Security section (issue 12), not read off the access files (the other addons list
# their own models the same way, access_common):
# - engineers read the project files and work on their own trips and reports; the back office
#   (after-sales user) records projects, requests, trips and files the archive; the after-sales
#   manager also configures and deletes what may be deleted;
# - accounting (Odoo's Invoicing group) reads projects and the finance part of the archive; the
#   warehouse (Odoo's Inventory user) works in Odoo's own models and reads none of ours but the
#   working calendar;
# - portal users read their own commercial partner's projects, reports and shared archive
#   entries (record rules), and nothing else;
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
aftersales.complaint                r       -         crw   crw      -           -
aftersales.visit                    -       rw        crw   crwu     -           -
aftersales.visit.check              -       rw        crwu  crwu     -           -
"""


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixChecks, TransactionCase):
    MATRIX = MATRIX
    MODULE = "aftersales_service"

    def test_every_model_is_in_the_matrix(self):
        self._check_every_model_is_in_the_matrix()

    def test_access_rights(self):
        self._check_access_rights()
