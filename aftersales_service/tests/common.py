from odoo import Command
from odoo.tests import TransactionCase, new_test_user


def aftersales_addons(env):
    """The installed addons of our family, named ``aftersales_*`` (this one and those built on
    it): the checks that hold for every one of them (translations, portal rules) take the list
    from here, without naming the addons that depend on this one."""
    return tuple(
        env["ir.module.module"]
        .search([("name", "=like", "aftersales\\_%"), ("state", "=", "installed")])
        .mapped("name")
    )


class AftersalesCase(TransactionCase):
    """Shared set-up: a company in Shanghai, customers, users of each after-sales group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "aftersales_warranty_months": 12,
                "country_id": cls.env.ref("base.cn").id,
                "state_id": cls.env.ref("base.state_cn_SH").id,
            }
        )
        cls.other_company = cls.env["res.company"].create({"name": "Beijing Branch"})
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "Test Customer A", "is_company": True})
        cls.customer_contact = Partner.create(
            {"name": "Contact A", "parent_id": cls.customer.id, "email": "a@example.com"}
        )
        cls.customer_b = Partner.create({"name": "Test Customer B", "is_company": True})
        cls.engineer = new_test_user(
            cls.env,
            "t_engineer",
            groups="base.group_user,aftersales_service.group_aftersales_engineer",
        )
        cls.as_user = new_test_user(
            cls.env, "t_as_user", groups="base.group_user,aftersales_service.group_aftersales_user"
        )
        cls.manager = new_test_user(
            cls.env,
            "t_manager",
            groups="base.group_user,aftersales_service.group_aftersales_manager",
        )
        cls.portal_a = new_test_user(cls.env, "t_portal_a", groups="base.group_portal")
        cls.portal_a.partner_id.parent_id = cls.customer
        cls.Project = cls.env["aftersales.project"]

    @classmethod
    def _project(cls, name="T-0001", **vals):
        return cls.Project.create(
            {"name": name, "partner_id": cls.customer.id, "delivery_date": "2026-01-15", **vals}
        )

    @classmethod
    def _allow_companies(cls, user, companies):
        user.write({"company_ids": [Command.link(c.id) for c in companies]})
