from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.aftersales_service.tests.common import AftersalesCase


@tagged("post_install", "-at_install")
class TestHazard(AftersalesCase):
    """R40: a hazard register per project / customer site."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("T-HZ-001")
        cls.sister = cls._project("T-HZ-002")
        cls.foreign = cls._project("T-HZ-003", partner_id=cls.customer_b.id)
        cls.Hazard = cls.env["aftersales.hazard"]
        cls.live = cls.Hazard.create(
            {
                "project_id": cls.sister.id,
                "name": "Live cabinet",
                "category": "electrical",
                "probability": "4",
                "severity": "5",
                "control_measures": "Lock out, tag out",
                "ppe": "Insulated gloves",
            }
        )
        cls.acid = cls.Hazard.create(
            {
                "project_id": cls.sister.id,
                "name": "Acid tank",
                "category": "chemical",
                "probability": "2",
                "severity": "3",
                "control_measures": "Goggles",
            }
        )

    def test_risk_level_from_probability_and_severity(self):
        self.assertEqual((self.live.risk_score, self.live.risk_level), (20, "critical"))
        self.assertEqual((self.acid.risk_score, self.acid.risk_level), (6, "medium"))
        with Form(self.Hazard) as form:
            form.project_id = self.project
            form.name = "Pump"
            form.category = "rotating"
            form.probability = "4"
            form.severity = "3"
            form.control_measures = "Stop the pump"
            self.assertEqual(form.risk_level, "high")
            form.severity = "1"
            self.assertEqual(form.risk_level, "low")
        # R40: the matrix's boundaries (RISK_THRESHOLDS), each side.
        for score, level in (
            (4, "low"),
            (5, "medium"),
            (9, "medium"),
            (10, "high"),
            (16, "high"),
            (20, "critical"),
            (25, "critical"),
        ):
            with self.subTest(score=score):
                self.assertEqual(self.Hazard._risk_level_of(score), level)

    def test_control_measures_required(self):
        with self.assertRaises(ValidationError):
            self.Hazard.create(
                {"project_id": self.project.id, "name": "X", "control_measures": "   "}
            )

    def test_copy_from_project_of_same_customer(self):
        wizard = self.env["aftersales.hazard.copy"].create(
            {"project_id": self.project.id, "source_project_id": self.sister.id}
        )
        self.assertEqual(wizard.hazard_ids, self.live | self.acid)
        wizard.hazard_ids = self.live
        wizard.action_copy()
        copied = self.project.hazard_ids
        self.assertEqual(copied.mapped("name"), ["Live cabinet"])
        self.assertEqual(copied.risk_level, "critical")
        self.assertEqual(copied.ppe, "Insulated gloves")
        self.assertEqual(self.project.hazard_count, 1)
        self.assertEqual(self.sister.hazard_count, 2, "the source keeps its hazards")
        action = self.project.action_view_hazards()
        self.assertEqual(self.Hazard.search(action["domain"]), copied)

    def test_copy_refused_from_other_customer(self):
        wizard = self.env["aftersales.hazard.copy"].create(
            {"project_id": self.foreign.id, "source_project_id": self.sister.id}
        )
        with self.assertRaisesRegex(UserError, "same customer"):
            wizard.action_copy()

    def test_access_rights(self):
        self.assertEqual(
            self.Hazard.with_user(self.engineer).search([("project_id", "=", self.sister.id)]),
            self.live | self.acid,
        )
        with self.assertRaises(AccessError):
            self.live.with_user(self.engineer).write({"name": "x"})
        self.live.with_user(self.as_user).write({"ppe": "Insulated gloves and boots"})
        with self.assertRaises(AccessError):
            self.acid.with_user(self.as_user).unlink()
        self.acid.with_user(self.manager).unlink()

    def test_multi_company(self):
        other = self._project("T-HZ-B01", company_id=self.other_company.id)
        hazard = self.Hazard.create(
            {"project_id": other.id, "name": "Boiler", "control_measures": "Permit"}
        )
        self.assertEqual(hazard.company_id, self.other_company)
        self.assertFalse(self.Hazard.with_user(self.as_user).search([("id", "=", hazard.id)]))
