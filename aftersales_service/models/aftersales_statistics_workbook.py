import io
from datetime import datetime

import pytz
import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import Command, api, models
from odoo.tools import format_date

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# R44: the monthly sheet shows the trend of the last twelve months.
MONTHS_SHOWN = 12
# Every sheet: its title on the first row, the table's head on HEAD_ROW, its rows below.
HEAD_ROW = 2
# Worst first: the state shown for an engineer whose trips of the month disagree.
NDA_ORDER = ("missing", "expired", "valid")
CLOCK_RATES = ("answer_rate", "onsite_rate", "quote_rate", "parts_rate")


class AftersalesStatistics(models.Model):
    """The monthly statistics workbook (R44): written with xlsxwriter (Community has no
    spreadsheet report type), filed as an attachment of the company and e-mailed to the
    after-sales managers once per month by a daily cron that remembers the month it sent."""

    _inherit = "aftersales.statistics"

    # ------------------------------------------------------------------ costs
    @api.model
    def _aftersales_parts_costs(self, tickets):
        """The parts' cost of each request: the ONE call site of the parts-cost helper."""
        return tickets._aftersales_parts_costs()

    # ------------------------------------------------------------------ data
    @api.model
    def _workbook_data(self, company, month):
        """Everything the workbook shows for ``company`` and ``month`` (first day of the
        month), read with grouped queries on the two statistics views."""
        first = month - relativedelta(months=MONTHS_SHOWN - 1)
        after = month + relativedelta(months=1)
        base = [("company_id", "=", company.id)]
        in_month = base + [("month", "=", month)]
        monthly = {
            row[0]: row[1:]
            for row in self._read_group(
                base + [("month", ">=", first), ("month", "<", after)],
                ["month:month"],
                [
                    "__count",
                    *(f"{name}:avg" for name in CLOCK_RATES),
                    "rating:avg",
                    "complaint_count:sum",
                    "repair_count:sum",
                    "trip_count:sum",
                ],
            )
        }
        coverage_months = {
            (day, coverage): count
            for day, coverage, count in self._read_group(
                base + [("month", ">=", first), ("month", "<", after)],
                ["month:month", "coverage"],
                ["__count"],
            )
        }
        months = [first + relativedelta(months=i) for i in range(MONTHS_SHOWN)]
        data = {"own_dates": self._own_date_counts(company, first, after)}
        data["months"] = [
            (
                day,
                monthly.get(day),
                coverage_months.get((day, "free"), 0),
                coverage_months.get((day, "paid"), 0),
            )
            for day in months
        ]
        for key, field in (
            ("types", "category_id"),
            ("customers", "partner_id"),
            ("provinces", "state_id"),
        ):
            data[key] = self._read_group(
                in_month, [field], ["__count", "rating:avg"], order="__count desc"
            )
        # Repairs free vs paid and the company's cost of the free service.
        coverage_rows = []
        for coverage, records, count, repairs, trips, hours, expenses, labour in self._read_group(
            in_month,
            ["coverage"],
            [
                "id:recordset",
                "__count",
                "repair_count:sum",
                "trip_count:sum",
                "hours:sum",
                "expense_cost:sum",
                "labour_cost:sum",
            ],
        ):
            parts = sum(self._aftersales_parts_costs(records.ticket_id).values())
            coverage_rows.append((coverage, count, repairs, trips, hours, expenses, labour, parts))
        data["coverage"] = coverage_rows
        data["staff"] = [
            (employee, trips, hours, rate, rating, repeats, complaints, self._worst_nda(states))
            for employee, trips, hours, rate, rating, repeats, complaints, states in self.env[
                "aftersales.engineer.statistics"
            ]._read_group(
                in_month,
                ["employee_id"],
                [
                    "trip_count:sum",
                    "hours:sum",
                    "onsite_rate:avg",
                    "rating:avg",
                    "repeat_count:sum",
                    "complaint_count:sum",
                    "nda_state:array_agg",
                ],
            )
        ]
        return data

    @api.model
    def _own_date_counts(self, company, first, after):
        """{model: {month: count}}: the complaints by the month they were received and the
        visits by the month they were done, in the company's time zone (not by their request's
        month; R44)."""
        zone = company._aftersales_tz()
        tz = pytz.timezone(zone)

        def utc(day):
            local = tz.localize(datetime.combine(day, datetime.min.time()))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        counts = {}
        for model, date_field in (
            ("aftersales.complaint", "received_at"),
            ("aftersales.visit", "done_at"),
        ):
            rows = (
                self.env[model]
                .with_context(tz=zone)
                ._read_group(
                    [
                        ("company_id", "=", company.id),
                        (date_field, ">=", utc(first)),
                        (date_field, "<", utc(after)),
                    ],
                    [f"{date_field}:month"],
                    ["__count"],
                )
            )
            counts[model] = {moment.date(): count for moment, count in rows}
        return counts

    @staticmethod
    def _has_value(value):
        """An average of no row comes back as False (or None): the cell stays empty; 0.0 is a
        value."""
        return value is not None and value is not False

    @staticmethod
    def _worst_nda(states):
        return next((state for state in NDA_ORDER if state in (states or [])), "valid")

    # ------------------------------------------------------------------ workbook
    @api.model
    def _workbook_content(self, company, month):
        """The workbook of ``company`` for ``month`` (first day of the month), as bytes."""
        data = self._workbook_data(company, month)
        output = io.BytesIO()
        # Text is written as text, never as a formula (names typed by users; issue 12).
        workbook = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False})
        formats = {
            "head": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "pct": workbook.add_format({"num_format": "0.0"}),
            "num": workbook.add_format({"num_format": "0.0"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "red": workbook.add_format({"font_color": "#C00000", "bold": True}),
        }
        self._sheet_monthly(workbook, formats, data, company, month)
        self._sheet_breakdowns(workbook, formats, data, month)
        self._sheet_coverage(workbook, formats, data, company, month)
        self._sheet_staff(workbook, formats, data, month)
        workbook.close()
        return output.getvalue()

    @staticmethod
    def _sheet_head(workbook, formats, name, title, headers, widths):
        """A new sheet ``name``: ``title`` on the first row, ``headers`` on HEAD_ROW, the first
        column ``widths[0]`` wide and the others ``widths[1]``."""
        sheet = workbook.add_worksheet(name)
        sheet.write(0, 0, title, formats["title"])
        sheet.write_row(HEAD_ROW, 0, headers, formats["head"])
        sheet.set_column(0, 0, widths[0])
        sheet.set_column(1, len(headers) - 1, widths[1])
        return sheet

    @staticmethod
    def _chart(workbook, sheet, kind, title, columns, last_row, anchor):
        """A chart of the sheet's table (headers on HEAD_ROW, labels in column A, data from the
        next row to ``last_row``), one series per column of ``columns``, placed at ``anchor``."""
        chart = workbook.add_chart({"type": kind})
        for col in columns:
            chart.add_series(
                {
                    "name": [sheet.name, HEAD_ROW, col],
                    "categories": [sheet.name, HEAD_ROW + 1, 0, last_row, 0],
                    "values": [sheet.name, HEAD_ROW + 1, col, last_row, col],
                }
            )
        chart.set_title({"name": title})
        sheet.insert_chart(*anchor, chart)

    def _month_label(self, day):
        return format_date(self.env, day, date_format="yyyy-MM")

    def _sheet_monthly(self, workbook, formats, data, company, month):
        title = self.env._(
            "%(company)s: requests of the %(count)s months to %(month)s",
            company=company.name,
            count=MONTHS_SHOWN,
            month=self._month_label(month),
        )
        headers = [
            self.env._("Month"),
            self.env._("Requests"),
            self.env._("Free"),
            self.env._("Paid"),
            self.env._("Answer On-time %"),
            self.env._("On-site On-time %"),
            self.env._("Quotation On-time %"),
            self.env._("Parts On-time %"),
            self.env._("Average Rating"),
            self.env._("Complaints"),
            self.env._("Repairs"),
            self.env._("Trips"),
            self.env._("Complaints Received"),
            self.env._("Visits Done"),
        ]
        sheet = self._sheet_head(workbook, formats, self.env._("Monthly"), title, headers, (12, 14))
        for row, (day, values, free, paid) in enumerate(data["months"], start=HEAD_ROW + 1):
            sheet.write(row, 0, self._month_label(day))
            count, *averages = values or (0, None, None, None, None, None, 0, 0, 0)
            rates, rating, sums = averages[:4], averages[4], averages[5:]
            sheet.write_row(row, 1, [count, free, paid])
            for col, value in enumerate([*rates, rating], start=4):
                if self._has_value(value):
                    sheet.write_number(row, col, value, formats["pct"])
            sheet.write_row(row, 9, [value or 0 for value in sums])
            sheet.write_number(row, 12, data["own_dates"]["aftersales.complaint"].get(day, 0))
            sheet.write_number(row, 13, data["own_dates"]["aftersales.visit"].get(day, 0))
        last = HEAD_ROW + len(data["months"])
        self._chart(
            workbook, sheet, "column", self.env._("Requests per month"), (2, 3), last, (last + 2, 0)
        )
        self._chart(
            workbook,
            sheet,
            "line",
            self.env._("On-time rate per clock"),
            range(4, 8),
            last,
            (last + 2, 7),
        )

    def _sheet_breakdowns(self, workbook, formats, data, month):
        for key, title in (
            ("types", self.env._("By Type")),
            ("customers", self.env._("By Customer")),
            ("provinces", self.env._("By Province")),
        ):
            headers = [title, self.env._("Requests"), self.env._("Average Rating")]
            sheet = self._sheet_head(
                workbook, formats, title, self._month_label(month), headers, (32, 14)
            )
            rows = data[key]
            for row, (record, count, rating) in enumerate(rows, start=HEAD_ROW + 1):
                sheet.write(row, 0, record.display_name or self.env._("Undefined"))
                sheet.write_number(row, 1, count)
                if self._has_value(rating):
                    sheet.write_number(row, 2, rating, formats["num"])
            if rows:
                kind = "pie" if key == "types" else "bar"
                self._chart(workbook, sheet, kind, title, (1,), HEAD_ROW + len(rows), (HEAD_ROW, 4))

    def _sheet_coverage(self, workbook, formats, data, company, month):
        headers = [
            self.env._("Coverage"),
            self.env._("Requests"),
            self.env._("Repairs"),
            self.env._("Trips"),
            self.env._("Person-hours"),
            self.env._("Approved Travel Expenses"),
            self.env._("Labour"),
            self.env._("Parts"),
            self.env._("Cost of Service"),
        ]
        sheet = self._sheet_head(
            workbook,
            formats,
            self.env._("Free vs Paid"),
            self._month_label(month),
            headers,
            (20, 16),
        )
        labels = dict(self._fields["coverage"]._description_selection(self.env))
        row = HEAD_ROW
        for row, (coverage, count, repairs, trips, hours, expenses, labour, parts) in enumerate(
            data["coverage"], start=HEAD_ROW + 1
        ):
            sheet.write(row, 0, labels.get(coverage) or self.env._("Undefined"))
            sheet.write_row(row, 1, [count, repairs, trips])
            sheet.write_number(row, 4, hours, formats["num"])
            for col, value in enumerate((expenses, labour, parts, expenses + labour + parts), 5):
                sheet.write_number(row, col, value, formats["money"])
        free_cost = sum(
            line[5] + line[6] + line[7] for line in data["coverage"] if line[0] == "free"
        )
        sheet.write(row + 2, 0, self.env._("Cost of free service"), formats["head"])
        sheet.write_number(row + 2, 1, free_cost, formats["money"])
        sheet.write(row + 2, 2, company.currency_id.name)
        if data["coverage"]:
            title = self.env._("Repairs free vs paid")
            self._chart(workbook, sheet, "column", title, (2,), row, (row + 4, 0))

    def _sheet_staff(self, workbook, formats, data, month):
        headers = [
            self.env._("Engineer"),
            self.env._("Trips"),
            self.env._("Person-hours"),
            self.env._("On-site On-time %"),
            self.env._("Average Rating"),
            self.env._("Repeat Requests"),
            self.env._("Complaints"),
            self.env._("Confidentiality Agreement"),
        ]
        sheet = self._sheet_head(
            workbook,
            formats,
            self.env._("Staff Assessment"),
            self._month_label(month),
            headers,
            (28, 16),
        )
        nda_labels = dict(
            self.env["aftersales.engineer.statistics"]
            ._fields["nda_state"]
            ._description_selection(self.env)
        )
        for row, (employee, trips, hours, rate, rating, repeats, complaints, nda) in enumerate(
            data["staff"], start=HEAD_ROW + 1
        ):
            sheet.write(row, 0, employee.display_name)
            sheet.write_number(row, 1, trips)
            sheet.write_number(row, 2, hours, formats["num"])
            for col, value in ((3, rate), (4, rating)):
                if self._has_value(value):
                    sheet.write_number(row, col, value, formats["num"])
            sheet.write_row(row, 5, [repeats, complaints])
            # R43: an expired or missing confidentiality agreement stands out.
            sheet.write(row, 7, nda_labels[nda], formats["red"] if nda != "valid" else None)
        if data["staff"]:
            last = HEAD_ROW + len(data["staff"])
            self._chart(
                workbook, sheet, "bar", self.env._("Trips per engineer"), (1,), last, (last + 2, 0)
            )

    # ------------------------------------------------------------------ monthly cron
    @api.model
    def _aftersales_last_month(self, company):
        """The first day of the month before today in the company's time zone."""
        return company._aftersales_today().replace(day=1) - relativedelta(months=1)

    @api.model
    def _cron_send_monthly_workbook(self):
        """Daily: on the first run of a month, write last month's workbook of each company and
        mail it to the after-sales managers; the month sent is remembered on the company, so
        reruns (the same day or later in the month) send nothing."""
        for company in self.env["res.company"].search([]):
            month = self._aftersales_last_month(company)
            sent = company.aftersales_statistics_sent_month
            if sent and sent >= month:
                continue
            managers = company._aftersales_deciders("manager")
            if not managers:
                continue
            self._send_workbook(company, month, managers)
            company.aftersales_statistics_sent_month = month

    @api.model
    def _send_workbook(self, company, month, managers):
        label = self._month_label(month)
        # Every company's figures, whoever runs the cron (the domains name the company).
        content = self.sudo().with_company(company)._workbook_content(company, month)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._("After-sales statistics %(month)s.xlsx", month=label),
                    "raw": content,
                    "mimetype": XLSX_MIMETYPE,
                    "res_model": "res.company",
                    "res_id": company.id,
                }
            )
        )
        subject = self.env._("After-sales statistics %(month)s", month=label)
        body = self.env._(
            "<p>The after-sales statistics and staff assessment of %(month)s are attached.</p>",
            month=label,
        )
        self.env["mail.mail"].sudo().create(
            {
                "subject": subject,
                "body_html": body,
                "email_from": company.email_formatted or self.env.user.email_formatted,
                "recipient_ids": [Command.set(managers.partner_id.ids)],
                "attachment_ids": [Command.set(attachment.ids)],
                "auto_delete": False,
                "state": "outgoing",
            }
        )
        return attachment
