from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_service.tests.gate_common import (
    OTHER,
    TODAY,
    USER,
    GateCase,
    GateChecks,
    GateJsonRpcChecks,
)

# Every guarded (model, field) of this addon, and what a forger writes there (the models declare
# them in `_aftersales_gated_fields`; test_table_lists_every_gate keeps both in step).
GATES = [
    ("aftersales.retention", "state", "collected"),
    ("aftersales.retention", "collected_on", TODAY),
    ("aftersales.retention.escalation", "state", "approved"),
    ("aftersales.retention.escalation", "decided_by_id", USER),
    ("aftersales.retention.escalation", "decided_on", TODAY),
    ("aftersales.retention.dispute", "state", "resolved"),
    ("aftersales.retention.dispute", "resolved_on", TODAY),
    ("aftersales.retention.dispute", "resume_state", "reminded"),
    ("aftersales.punch.item", "state", "done"),
    ("aftersales.punch.item", "done_date", TODAY),
    # R30: the reminder's facts; R34: the ageing alert.
    ("aftersales.retention", "reminded_on", TODAY),
    ("aftersales.retention", "reminder_to_send", True),
    ("aftersales.retention", "ageing_alerted_on", TODAY),
    # Computed by the rules, stored: written by their compute alone.
    ("aftersales.retention", "due_date", "2099-01-01"),
    ("aftersales.retention", "reminder_date", "2099-01-01"),
    ("aftersales.retention", "partner_id", OTHER),
    ("aftersales.retention.escalation", "project_id", OTHER),
    ("aftersales.retention.escalation", "company_id", OTHER),
    ("aftersales.retention.dispute", "project_id", OTHER),
    ("aftersales.retention.dispute", "company_id", OTHER),
    ("aftersales.punch.item", "company_id", OTHER),
    # What the receivables crons did on an invoice (R28, R29, R34).
    ("account.move", "aftersales_overdue_reminded_on", TODAY),
    ("account.move", "aftersales_ageing_alerted_on", TODAY),
    ("account.move", "aftersales_notice_sent_on", TODAY),
]


class CollectionGateCase(GateCase):
    """Retention money (one collected, one disputed), an escalation and a punch item."""

    GATE_MODULE = "aftersales_collection"
    GATES = GATES
    GATE_GROUPS = (*GateCase.GATE_GROUPS, "account.group_account_invoice")

    @classmethod
    def _gate_records(cls):
        Retention = cls.env["aftersales.retention"]
        retention = Retention.create({"project_id": cls.project.id, "amount": 1000.0})
        disputed = Retention.create({"project_id": cls.project.id, "amount": 500.0})
        return {
            "aftersales.retention": retention,
            "aftersales.retention.escalation": cls.env["aftersales.retention.escalation"].create(
                {"retention_id": retention.id, "measure": "letter", "overdue_days": 40}
            ),
            "aftersales.retention.dispute": cls.env["aftersales.retention.dispute"].create(
                {"retention_id": disputed.id, "ticket_id": cls.ticket.id, "reason": "Leaks"}
            ),
            "aftersales.punch.item": cls.env["aftersales.punch.item"].create(
                {
                    "project_id": cls.project.id,
                    "name": "Replace the cracked sight glass",
                    "user_id": cls.engineer.id,
                    "deadline": TODAY,
                }
            ),
            "account.move": cls.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.customer.id,
                    "aftersales_project_id": cls.project.id,
                    "invoice_line_ids": [
                        Command.create({"name": "Contract payment", "price_unit": 1000.0})
                    ],
                }
            ),
        }


@tagged("post_install", "-at_install")
class TestCollectionGates(GateChecks, CollectionGateCase):
    """Retention money is collected, escalations decided, disputes resolved and punch items done
    only through their actions, whoever writes (every group that may write the model, internal
    and portal users) and however (create, write, copy, context defaults). R30–R33."""

    def test_table_lists_every_gate(self):
        self._check_table_lists_every_gate()

    def test_nobody_sets_a_gated_field(self):
        self._check_nobody_sets_a_gated_field()


@tagged("post_install", "-at_install")
class TestCollectionGatesOverJsonRpc(GateJsonRpcChecks, CollectionGateCase, HttpCase):
    """The guarded fields of retention money, escalations, disputes and punch items, forged
    over real JSON-RPC (GateJsonRpcChecks)."""

    def test_every_gate_refused_over_json_rpc(self):
        self._check_every_gate_refused_over_json_rpc()
