from datetime import datetime

import pytz

from odoo import fields, models

# Zones that keep China Standard Time: their clock is called 北京时间 (Beijing Time).
BEIJING_ZONES = frozenset(
    {"Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC"}
)


class ResCompany(models.Model):
    _inherit = "res.company"

    def _aftersales_tz(self):
        """The company's time zone: that of its working calendar, the deadline engine's clock.
        Every printed document and every deadline shown to a customer is in this zone."""
        self.ensure_one()
        return self._aftersales_work_calendar().tz or "UTC"

    def _aftersales_today(self, timestamp=None):
        """The date of today (or of `timestamp`, a UTC datetime) on the company's clock, whatever
        the user's own zone: the default date of documents and the "today" of every overdue
        check. A user without a zone would otherwise date a report in China after midnight
        (16:00-24:00 UTC) with the day before."""
        company = self[:1] or self.env.company
        return fields.Date.context_today(
            company.with_context(tz=company._aftersales_tz()), timestamp
        )

    def _aftersales_tz_label(self, zone=None):
        """How times of the company's zone (or of `zone`) are labelled, the same on every
        document and page: Beijing Time (北京时间) for China's zone, else the UTC offset (never
        a raw zone name)."""
        self.ensure_one()
        zone = zone or self._aftersales_tz()
        if zone in BEIJING_ZONES:
            return self.env._("Beijing Time")
        offset = datetime.now(pytz.timezone(zone)).strftime("%z")
        hours_minutes = offset[:3] + ":" + offset[3:]
        return self.env._("UTC%(offset)s", offset=hours_minutes)
