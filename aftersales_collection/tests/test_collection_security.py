from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestCollectionSecurity(CollectionCase):
    """Accounting sees receivables; engineers do not; companies stay apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project_ending(cls.today - relativedelta(days=40), "T-SEC-1")
        cls.retention = cls._retention(cls.project, 1000.0)
        cls._invoice(cls.project, 500.0)
        cls.accounting_readonly = new_test_user(
            cls.env, "t_acc_ro", groups="base.group_user,account.group_account_readonly"
        )
        cls.other_project = cls._project_ending(
            cls.today - relativedelta(days=40), "T-SEC-2", company_id=cls.other_company.id
        )
        cls.other_retention = cls._retention(cls.other_project, 2000.0)

    def test_accounting_sees(self):
        for user in (self.accountant, self.accounting_readonly, self.as_user):
            with self.subTest(user=user.login):
                retentions = self.Retention.with_user(user).search(
                    [("project_id.name", "like", "T-SEC")]
                )
                self.assertEqual(retentions, self.retention, "own company only")
                self.assertEqual(retentions.project_id.name, "T-SEC-1")
                ageing = (
                    self.env["aftersales.ageing.report"]
                    .with_user(user)
                    .search([("project_id", "=", self.project.id)])
                )
                self.assertEqual(len(ageing), 2)
        with self.assertRaises(AccessError):
            self.retention.with_user(self.accounting_readonly).amount = 5.0

    def test_engineers_do_not(self):
        for model in (
            "aftersales.retention",
            "aftersales.retention.dispute",
            "aftersales.retention.escalation",
            "aftersales.ageing.report",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.engineer).search([])
        # The engineer still opens the project and its punch list.
        project = self.project.with_user(self.engineer)
        self.assertEqual(project.punch_open_count, 0)

    def test_project_form_for_each_role(self):
        """The project form opens for engineers (no receivables) and accountants (receivables)."""
        Project = self.env["aftersales.project"]
        arch = Project.with_user(self.engineer).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn('name="punch_item_ids"', arch)
        self.assertNotIn('name="retention_ids"', arch)
        arch = Project.with_user(self.accountant).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn('name="retention_ids"', arch)
        project = self.project.with_user(self.accountant)
        self.assertEqual(project.unpaid_invoice_count, 1)
        self.assertEqual(project.retention_count, 1)
