import io
import os
import re
import zipfile
from collections import defaultdict

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.access import internal_only
from ..tools.counting import count_by

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_DOUBLE_EXTENSION = re.compile(r"(\.[A-Za-z0-9]{1,5})(?:\1)+$", re.IGNORECASE)


def zip_safe_name(name):
    """A file name safe in any unpacker (issue 16): "/" and "\\" no longer make folders, nor do
    characters Windows refuses; one extension, not ".pdf.pdf"; Chinese kept as it is."""
    name = _UNSAFE.sub("-", name or "").strip(" .") or "-"
    return _DOUBLE_EXTENSION.sub(r"\1", name)


class AftersalesProject(models.Model):
    """The project's archive opens with the project (R36): its index numbers follow the project
    order number from the first document on, so the number cannot change once something is filed."""

    _inherit = "aftersales.project"

    archive_entry_ids = fields.One2many(
        "aftersales.archive.entry", "project_id", string="Archive Entries"
    )
    archive_entry_count = fields.Integer(compute="_compute_archive_entry_count")
    archive_type_id = fields.Many2one(
        "aftersales.archive.project.type",
        string="Kind of Project",
        help="Decides which documents the project's archive must hold.",
    )
    archive_missing_ids = fields.Many2many(
        "aftersales.archive.category",
        string="Missing Documents",
        compute="_compute_archive_missing_ids",
        help="Sub-items required for this kind of project that hold no document yet (R37).",
    )
    archive_missing_count = fields.Integer(compute="_compute_archive_missing_ids")

    def _compute_archive_entry_count(self):
        counts = count_by(self.env["aftersales.archive.entry"], "project_id", self.ids)
        for project in self:
            project.archive_entry_count = counts.get(project.id, 0)

    def _archive_required_categories(self):
        """The sub-items this project's archive must hold: required for every project, or for
        its kind of project."""
        self.ensure_one()
        return self.env["aftersales.archive.category"].search(
            [
                ("required", "=", True),
                "|",
                ("required_project_type_ids", "=", False),
                ("required_project_type_ids", "in", self.archive_type_id.ids),
            ]
        )

    @api.depends("archive_type_id", "archive_entry_ids.category_id")
    def _compute_archive_missing_ids(self):
        filed = defaultdict(list)
        for project, category in (
            self.env["aftersales.archive.entry"]
            .sudo()
            ._read_group([("project_id", "in", self.ids)], ["project_id", "category_id"])
        ):
            filed[project.id].append(category.sudo().parent_path)
        for project in self:
            # A document filed in an article (third level) counts for its sub-item.
            missing = project._archive_required_categories().filtered(
                lambda c, project=project: not any(
                    path.startswith(c.parent_path) for path in filed[project.id]
                )
            )
            project.archive_missing_ids = missing
            project.archive_missing_count = len(missing)

    @internal_only()
    def action_view_archive_missing(self):
        """The documents this project's archive still lacks (R37)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Missing documents of %(project)s", project=self.name),
            "res_model": "aftersales.archive.category",
            "view_mode": "list,form",
            "domain": [("id", "in", self.archive_missing_ids.ids)],
            "context": {"create": False},
        }

    def write(self, vals):
        if "name" in vals:
            renamed = self.filtered(lambda p: p.name != vals["name"])
            if renamed and self.env["aftersales.archive.entry"].with_context(
                active_test=False
            ).sudo().search_count([("project_id", "in", renamed.ids)], limit=1):
                raise UserError(
                    self.env._(
                        "The project order number keys the project's archive (R36): it cannot "
                        "change once documents are filed under it."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_archived(self):
        filed = (
            self.env["aftersales.archive.entry"]
            .with_context(active_test=False)
            .sudo()
            ._read_group([("project_id", "in", self.ids)], ["project_id"])
        )
        if filed:
            raise UserError(
                self.env._(
                    "Project %(projects)s has archived documents, which are kept for good (R39); "
                    "archive the project instead of deleting it.",
                    projects=", ".join(project.name for (project,) in filed),
                )
            )

    @internal_only()
    def action_view_archive(self):
        """The project's archive as a register: grouped by category, in index order (R37)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_archive_entry_action"
        )
        action.update(
            name=self.env._("Archive %(project)s", project=self.name),
            domain=[("project_id", "=", self.id)],
            # A register in index order, every entry visible (groups would open collapsed).
            context={"default_project_id": self.id},
        )
        return action

    def _archive_register_sections(self):
        """[(category, entries)] of the project's active entries, in register order; the required
        sub-items with nothing filed are listed too, empty (what is missing, R37)."""
        self.ensure_one()
        sections = defaultdict(lambda: self.env["aftersales.archive.entry"])
        for category in self.archive_missing_ids:
            sections[category] = self.env["aftersales.archive.entry"]
        # Hidden (archived) entries keep their place, so the numbers run without gaps (R37).
        entries = self.with_context(active_test=False).archive_entry_ids
        for entry in entries.sorted(lambda e: (e.category_id.id, e.sequence_number)):
            sections[entry.category_id] |= entry
        return sorted(sections.items(), key=lambda item: (item[0].sequence, item[0].code))

    @internal_only()
    def action_export_archive(self):
        """One ZIP with every file, in folders per category, and an XLSX index: what an auditor
        or the customer asks for. It holds what the exporting user may read, nothing more."""
        self.ensure_one()
        self.check_access("read")
        # Searched with the user's own rights (record rules: company, the categories' readers).
        entries = self.env["aftersales.archive.entry"].search([("project_id", "=", self.id)])
        if not entries:
            raise UserError(
                self.env._("Project %(project)s has nothing in its archive yet.", project=self.name)
            )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            used = set()
            files = defaultdict(list)
            for entry in entries:
                folder = zip_safe_name(f"{entry.category_id.code} {entry.category_id.name}")
                # Read with the user's own rights: only what the user may open goes in.
                for attachment in entry.attachment_ids:
                    if attachment.type != "binary":
                        continue
                    base, extension = os.path.splitext(
                        zip_safe_name(f"{entry.index_number} {attachment.name}")
                    )
                    name, n = f"{folder}/{base}{extension}", 1
                    while name in used:
                        n += 1
                        name = f"{folder}/{base} ({n}){extension}"
                    used.add(name)
                    archive.writestr(name, entry._handed_out_copy(attachment))
                    files[entry].append(name)
            archive.writestr("index.xlsx", self._archive_index_xlsx(entries, files))
        export = (
            self.env["ir.attachment"]
            .sudo()
            .with_context(aftersales_archive_no_filing=True)
            .create(
                {
                    "name": self.env._(
                        "Archive %(project)s %(date)s.zip",
                        project=self.name,
                        date=self.env.company._aftersales_today(),
                    ),
                    "raw": buffer.getvalue(),
                    "mimetype": "application/zip",
                    # The user's own export: an attachment of no record is read by its creator
                    # only, not by every reader of the project.
                    "res_model": self._name,
                    "res_id": False,
                }
            )
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{export.id}?download=true",
            "target": "self",
        }

    def _archive_index_xlsx(self, entries, files):
        buffer = io.BytesIO()
        # Text is written as text, never as a formula ("=cmd|..." in a title; issue 12).
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
        sheet = workbook.add_worksheet(self.env._("Index"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        important_format = workbook.add_format({"bold": True, "font_color": "#C00000"})
        headers = [
            self.env._("Index No."),
            self.env._("Date"),
            self.env._("Title"),
            self.env._("Category"),
            self.env._("Important"),
            self.env._("Source"),
            self.env._("Files"),
        ]
        sheet.write_row(0, 0, headers, bold)
        for row, entry in enumerate(entries, start=1):
            sheet.write(row, 0, entry.index_number)
            sheet.write_datetime(row, 1, fields.Datetime.to_datetime(entry.date), date_format)
            sheet.write(row, 2, entry.name)
            sheet.write(row, 3, entry.category_id.display_name)
            sheet.write(
                row, 4, self.env._("Important") if entry.important else "", important_format
            )
            sheet.write(row, 5, entry.source_name or "")
            sheet.write(row, 6, "\n".join(files.get(entry, [])))
        for column, width in enumerate([26, 12, 40, 28, 10, 30, 60]):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(entries), len(headers) - 1)
        workbook.close()
        return buffer.getvalue()
