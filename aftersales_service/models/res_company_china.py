from datetime import datetime

import pytz

from odoo import models

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
