from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_service.tests.gate_common import (
    NOW,
    OTHER,
    USER,
    GateCase,
    GateChecks,
    GateJsonRpcChecks,
)

# Every guarded (model, field) of this addon, and what a forger writes there (the models declare
# them in `_aftersales_gated_fields`; test_table_lists_every_gate keeps both in step).
GATES = [
    ("aftersales.hazard.briefing", "state", "acknowledged"),
    ("aftersales.hazard.briefing", "acknowledged_at", NOW),
    ("aftersales.hazard.briefing", "acknowledged_by", USER),
    # Computed from the trip, stored: written by their compute alone.
    ("aftersales.hazard.briefing", "project_id", OTHER),
    ("aftersales.hazard.briefing", "company_id", OTHER),
    # R40: the risk of a hazard follows its probability and severity.
    ("aftersales.hazard", "risk_score", 1),
    ("aftersales.hazard", "risk_level", "low"),
    ("aftersales.hazard", "company_id", OTHER),
]


class HazardGateCase(GateCase):
    """The briefing of an engineer of a planned trip."""

    GATE_MODULE = "aftersales_hazard"
    GATES = GATES

    @classmethod
    def _gate_records(cls):
        return {
            "aftersales.hazard.briefing": cls.dispatch.briefing_ids.filtered(
                lambda b: b.employee_id == cls.emp_engineer
            ),
            "aftersales.hazard": cls.env["aftersales.hazard"].create(
                {
                    "project_id": cls.project.id,
                    "name": "Chlorine store",
                    "category": "chemical",
                    "control_measures": "Ventilate first",
                    "ppe": "Gas mask",
                }
            ),
        }


@tagged("post_install", "-at_install")
class TestHazardGates(GateChecks, HazardGateCase):
    """R41: a briefing is acknowledged only through the engineer's own acknowledgement, whoever
    writes (every group that may write the model, internal and portal users) and however
    (create, write, copy, context defaults)."""

    def test_table_lists_every_gate(self):
        self._check_table_lists_every_gate()

    def test_nobody_sets_a_gated_field(self):
        self._check_nobody_sets_a_gated_field()


@tagged("post_install", "-at_install")
class TestHazardGatesOverJsonRpc(GateJsonRpcChecks, HazardGateCase, HttpCase):
    """The briefing's guarded fields, forged over real JSON-RPC (GateJsonRpcChecks)."""

    def test_every_gate_refused_over_json_rpc(self):
        self._check_every_gate_refused_over_json_rpc()
