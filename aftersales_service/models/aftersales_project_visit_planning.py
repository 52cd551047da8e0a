from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import models

from .res_company_visits import VISIT_DAY_MAX


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    def _aftersales_visit_covered(self, day):
        """Whether the project gets its group visit on `day`: delivered, and in warranty
        (warranty end included), under a maintenance contract, or of a key customer (R2)."""
        self.ensure_one()
        if not self.warranty_start or self.warranty_start > day:
            return False
        return (
            bool(self.warranty_end and day <= self.warranty_end)
            or bool(self.maintenance_contract_end and day <= self.maintenance_contract_end)
            or self.commercial_partner_id.aftersales_key_customer
        )

    def _aftersales_due_visits(self, company, today, horizon, early):
        """Values of the visits this project is due between `today` and `horizon` (dates);
        `early(day)` is the first working day on or after `day`."""
        self.ensure_one()
        base = {
            "project_id": self.id,
            "user_id": self.user_id.id,
            "state": "planned",
        }
        due = []
        day = max(1, min(company.aftersales_visit_day or 1, VISIT_DAY_MAX))

        def months(*numbers):
            # The visit months of the planning horizon: this year's and next year's.
            for year in (today.year, today.year + 1):
                for month in sorted({m for m in numbers if 1 <= (m or 0) <= 12}):
                    yield early(date(year, month, day)), f"{year}-{month:02d}"

        # Group visits (R42; R2 for key customers).
        for planned, period in months(
            company.aftersales_visit_month_1, company.aftersales_visit_month_2
        ):
            if today <= planned <= horizon and self._aftersales_visit_covered(planned):
                due.append(
                    {**base, "visit_type": "group", "period": period, "planned_date": planned}
                )
        # Summer and winter inspections (R47) while the maintenance contract runs.
        contract_end = self.maintenance_contract_end
        if contract_end:
            for planned, period in months(
                company.aftersales_inspection_summer_month,
                company.aftersales_inspection_winter_month,
            ):
                if (
                    today <= planned <= horizon
                    and planned <= contract_end
                    and self.warranty_start <= planned
                ):
                    due.append(
                        {
                            **base,
                            "visit_type": "inspection",
                            "period": period,
                            "planned_date": planned,
                        }
                    )
        # Milestone visits: after acceptance (in person), before the warranty ends (in writing).
        if self.acceptance_date:
            planned = early(
                self.acceptance_date
                + relativedelta(months=company.aftersales_visit_acceptance_months)
            )
            if today <= planned <= horizon:
                due.append(
                    {
                        **base,
                        "visit_type": "milestone",
                        "visit_mode": "person",
                        "period": "acceptance",
                        "planned_date": planned,
                    }
                )
        if self.warranty_end:
            planned = early(
                self.warranty_end
                - relativedelta(months=company.aftersales_visit_warranty_months_before)
            )
            if today <= planned <= horizon:
                due.append(
                    {
                        **base,
                        "visit_type": "milestone",
                        "visit_mode": "writing",
                        "period": f"warranty-end:{self.warranty_end}",
                        "planned_date": planned,
                    }
                )
        return due
