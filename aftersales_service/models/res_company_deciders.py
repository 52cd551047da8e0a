from odoo import fields, models

MANAGER_GROUP = "aftersales_service.group_aftersales_manager"


class ResCompany(models.Model):
    """Who decides: the after-sales manager and "management" (上级领导).

    Every approval and every activity of the after-sales addons asks
    :meth:`_aftersales_deciders` or :meth:`_aftersales_is_decider`; nothing else names a group
    for a decision.
    """

    _inherit = "res.company"

    aftersales_manager_user_ids = fields.Many2many(
        "res.users",
        "res_company_aftersales_manager_rel",
        "company_id",
        "user_id",
        string="After-sales Managers",
        domain=[("share", "=", False)],
        help="Review expenses, approve serve-first exceptions and receive the department's "
        "activities. Empty: the members of the After-sales Manager group in this company.",
    )
    aftersales_management_user_ids = fields.Many2many(
        "res.users",
        "res_company_aftersales_management_rel",
        "company_id",
        "user_id",
        string="Management",
        domain=[("share", "=", False)],
        help="上级领导: approve large service orders (R26) and collection escalations (R33). "
        "Empty: the after-sales managers.",
    )

    def _aftersales_deciders(self, role="manager"):
        """The users who decide for this company; ``role`` is ``manager`` or ``management``."""
        self.ensure_one()
        if role == "management" and self.aftersales_management_user_ids:
            return self.aftersales_management_user_ids.filtered("active")
        if self.aftersales_manager_user_ids:
            return self.aftersales_manager_user_ids.filtered("active")
        group = self.env.ref(MANAGER_GROUP).sudo()
        return group.users.filtered(
            lambda user: user.active
            and not user.share
            and not user._is_superuser()
            and self in user.company_ids
        ).sorted("id")

    def _aftersales_decider(self, role="manager"):
        """The first decider: who gets an activity when one person must act."""
        return self._aftersales_deciders(role)[:1]

    def _aftersales_named_or_manager(self, user):
        """``user``, a person a setting of this company names for a task, or when the setting
        is empty the first after-sales manager (the one manager fallback)."""
        self.ensure_one()
        return user or self._aftersales_decider("manager")

    def _aftersales_is_decider(self, role="manager", user=None):
        """Whether ``user`` (default: the current user) decides for this company.

        The superuser environment (crons, data) always decides; nobody reaches it by RPC.
        """
        self.ensure_one()
        if user is None:
            if self.env.su:
                return True
            user = self.env.user
        return user in self._aftersales_deciders(role)
