from markupsafe import Markup

from odoo import fields, models

AFTERSALES_GROUPS = ("aftersales_service.group_aftersales_engineer",)


class ResUsers(models.Model):
    _inherit = "res.users"

    aftersales_tz_warned = fields.Char(
        string="Time Zone Warning Sent For",
        copy=False,
        groups="base.group_system",
        help="The pair of time zones (the user's, the company's) the user was last warned about.",
    )

    def _update_last_login(self):
        res = super()._update_last_login()
        self._aftersales_warn_tz()
        return res

    def _aftersales_warn_tz(self):
        """Warn an after-sales user, once, that their time zone is not the company's: the web
        client shows times in theirs while deadlines and printed documents use the company's."""
        for user in self.sudo():
            if user.share or not any(user.has_group(group) for group in AFTERSALES_GROUPS):
                continue
            company = user.company_id
            company_tz = company._aftersales_tz()
            user_tz = user.tz or "UTC"
            key = f"{user_tz}>{company_tz}"
            if user_tz == company_tz or user.aftersales_tz_warned == key:
                continue
            user.aftersales_tz_warned = key
            env = user.with_context(lang=user.lang).env
            body = Markup("<p>%s</p>") % env._(
                "Your time zone (%(user_tz)s) is not your company's (%(label)s). The screens show "
                "times in yours; deadlines count and documents print in %(label)s. Change your "
                "time zone in your preferences if you work in the company's.",
                user_tz=user_tz,
                label=company._aftersales_tz_label(),
            )
            user.partner_id.message_notify(
                partner_ids=user.partner_id.ids,
                author_id=self.env.ref("base.partner_root").id,
                subject=env._("Time zone differs from the company's"),
                body=body,
            )
