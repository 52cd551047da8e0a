import hashlib
import re
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.access import internal_only
from ..tools.important_mark import mark_important

ORIGINS = [("manual", "Manual"), ("attachment", "Attachment"), ("report", "Printed Report")]
# PDF metadata that changes at every print although the document does not.
_PDF_VOLATILE = re.compile(
    rb"/(?:CreationDate|ModDate)\s*\(D:[^)]*\)|/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]"
)


def content_checksum(raw):
    """Checksum of a document's content; a re-printed PDF of an unchanged record gives the same
    one."""
    return hashlib.sha1(_PDF_VOLATILE.sub(b"", raw or b"")).hexdigest()


class AftersalesArchiveEntry(models.Model):
    """One document (or file set) in a project's archive, under an index number
    `<project order no>-<category code>-<seq>` that follows the project order number (R36).

    Nothing is ever deleted (R39): unlink is refused to everyone, the after-sales manager may
    only archive (hide) an entry, and that is tracked."""

    _name = "aftersales.archive.entry"
    _description = "Archive Entry"
    # The gate mixin: the customer (the portal's access follows it) and the company come from
    # the project alone.
    _inherit = ["mail.thread", "aftersales.gate.mixin"]
    _order = "project_id, category_id, sequence_number, id"
    _rec_name = "index_number"
    _rec_names_search = ["index_number", "name"]
    _check_company_auto = True

    index_number = fields.Char(
        string="Index No.", readonly=True, copy=False, index="trigram", tracking=True
    )
    sequence_number = fields.Integer(string="No.", readonly=True, copy=False, aggregator=False)
    project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="project_id.commercial_partner_id", string="Customer", store=True, index=True
    )
    category_id = fields.Many2one(
        "aftersales.archive.category",
        string="Category",
        required=True,
        index=True,
        ondelete="restrict",
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    date = fields.Date(
        required=True, default=lambda self: self.env.company._aftersales_today(), tracking=True
    )
    description = fields.Text()
    important = fields.Boolean(
        compute="_compute_important",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Important documents are marked in every view (R38).",
    )
    shareable = fields.Boolean(
        string="Shared with Customer",
        tracking=True,
        help="The customer's portal users may see this entry.",
    )
    active = fields.Boolean(default=True, tracking=True)
    origin = fields.Selection(ORIGINS, default="manual", required=True, readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "aftersales_archive_entry_attachment_rel",
        "entry_id",
        "attachment_id",
        string="Files",
    )
    attachment_count = fields.Integer(string="Files Count", compute="_compute_attachment_count")
    res_model = fields.Char(string="Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Source ID", model_field="res_model", readonly=True)
    source_ref = fields.Reference(
        selection="_selection_source_model", string="Source", compute="_compute_source_ref"
    )
    source_name = fields.Char(string="Source Document", compute="_compute_source_ref")
    content_checksum = fields.Char(readonly=True, copy=False, index=True)
    report_xmlid = fields.Char(string="Printed by Report", readonly=True, index=True)
    version = fields.Integer(
        default=1,
        readonly=True,
        copy=False,
        tracking=True,
        help="A printed document whose source changed is filed again as a new version of the "
        "same entry: its files list every version, the chatter when each was filed.",
    )
    source_write_date = fields.Datetime(
        string="Source Last Changed",
        readonly=True,
        copy=False,
        help="When the source record had last changed as its latest version was filed.",
    )

    _sql_constraints = [
        (
            "number_uniq",
            "unique(project_id, category_id, sequence_number)",
            "An index number is used once per project and category.",
        ),
    ]

    @api.model
    def _selection_source_model(self):
        return [(model.model, model.name) for model in self.env["ir.model"].sudo().search([])]

    @api.depends("category_id")
    def _compute_important(self):
        for entry in self:
            entry.important = entry.category_id.important

    @api.depends("attachment_ids")
    def _compute_attachment_count(self):
        for entry in self:
            entry.attachment_count = len(entry.attachment_ids)

    @api.depends("res_model", "res_id")
    def _compute_source_ref(self):
        ids_by_model = defaultdict(set)
        for entry in self:
            if entry.res_model in self.env and entry.res_id:
                ids_by_model[entry.res_model].add(entry.res_id)
        existing = {
            (model, record.id): record
            for model, ids in ids_by_model.items()
            for record in self.env[model].sudo().browse(ids).exists()
        }
        for entry in self:
            source = existing.get((entry.res_model, entry.res_id))
            entry.source_ref = f"{entry.res_model},{entry.res_id}" if source else False
            entry.source_name = source.display_name if source else False

    @api.model_create_multi
    def create(self, vals_list):
        projects = self.env["aftersales.project"].browse(
            {vals["project_id"] for vals in vals_list if vals.get("project_id")}
        )
        categories = self.env["aftersales.archive.category"].browse(
            {vals["category_id"] for vals in vals_list if vals.get("category_id")}
        )
        # R36: numbers follow the project order number, gap-free per project and category.
        by_section = defaultdict(list)
        for vals in vals_list:
            if vals.get("project_id") and vals.get("category_id"):
                by_section[vals["project_id"], vals["category_id"]].append(vals)
        firsts = (
            self.env["aftersales.archive.counter"]
            .sudo()
            ._reserve({key: len(section) for key, section in by_section.items()})
        )
        for (project_id, category_id), section in by_section.items():
            project = projects.browse(project_id)
            category = categories.browse(category_id)
            first = firsts[project_id, category_id]
            for number, vals in enumerate(section, start=first):
                vals["sequence_number"] = number
                vals["index_number"] = f"{project.name}-{category.code}-{number:04d}"
        entries = super(
            AftersalesArchiveEntry, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        entries._own_files()
        return entries

    def write(self, vals):
        frozen = {"project_id", "category_id", "sequence_number", "index_number"} & vals.keys()
        if frozen and any(
            entry._fields[name].convert_to_write(entry[name], entry) != vals[name]
            for entry in self
            for name in frozen
        ):
            raise UserError(
                self.env._(
                    "An archive entry keeps its project, category and index number for good (R39); "
                    "file the document again under the right category instead."
                )
            )
        if "active" in vals and not vals["active"] and not self._can_archive():
            raise UserError(
                self.env._("Only the after-sales manager can archive an archive entry.")
            )
        owned_before = (
            {entry.id: entry._owned_files() for entry in self} if "attachment_ids" in vals else {}
        )
        result = super().write(vals)
        if "attachment_ids" in vals:
            for entry in self:
                if owned_before[entry.id] - entry.attachment_ids:
                    raise UserError(
                        self.env._(
                            "Archive entry %(entry)s: its files are kept for good (R39) and cannot "
                            "be removed; file a corrected document as a new entry.",
                            entry=entry.index_number,
                        )
                    )
            self._own_files()
        # An entry no longer shared (or hidden) takes back the links the customer was given.
        if ("shareable" in vals and not vals["shareable"]) or (
            "active" in vals and not vals["active"]
        ):
            self.attachment_ids.sudo().write({"access_token": False})
        return result

    def _can_archive(self):
        return self.env.su or self.env.user.has_group("aftersales_service.group_aftersales_manager")

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Archive entries are kept for good and never deleted (R39). The after-sales "
                "manager can archive an entry to hide it."
            )
        )

    def _owned_files(self):
        """The files this entry owns (attached to the entry itself)."""
        self.ensure_one()
        return self.attachment_ids.sudo().filtered(
            lambda a: a.res_model == self._name and a.res_id == self.id
        )

    def _own_files(self):
        """R39: the archive owns what it files. A file linked to an entry becomes the entry's
        own: an upload made before the entry was saved is attached to it, any other file (the
        attachment of a request, of a repair ...) is copied onto the entry, so that deleting the
        source record or its attachment never empties the archive. The filestore keeps one file
        per content (checksum): a copy costs a row, not disk space.

        An entry may only take files its writer can read (whoever reads the entry reads them)."""
        if not self.env.su:
            self.attachment_ids.check("read")
        Attachment = self.env["ir.attachment"].sudo()
        adopt = {}
        copies = []  # (entry, source attachment)
        for entry in self:
            for attachment in entry.attachment_ids.sudo():
                if attachment.res_model != self._name or attachment.res_id not in (0, entry.id):
                    copies.append((entry, attachment))
                elif not attachment.res_id:
                    adopt.setdefault(entry.id, Attachment)
                    adopt[entry.id] |= attachment
        for entry_id, attachments in adopt.items():
            attachments.write({"res_id": entry_id})
        if not copies:
            return
        vals_list = []
        for (entry, _attachment), vals in zip(
            copies, Attachment.concat(*(a for __, a in copies)).copy_data(), strict=False
        ):
            vals.update(
                res_model=self._name,
                res_id=entry.id,
                res_field=False,
                access_token=False,
                public=False,
            )
            vals_list.append(vals)
        new = Attachment.with_context(aftersales_archive_no_filing=True).create(vals_list)
        # One statement swaps every source for its copy in the entries' file lists.
        self.flush_recordset(["attachment_ids"])
        self.env.cr.execute(
            SQL(
                """UPDATE aftersales_archive_entry_attachment_rel rel
                      SET attachment_id = swap.copy_id
                     FROM (VALUES %s) AS swap(entry_id, source_id, copy_id)
                    WHERE rel.entry_id = swap.entry_id AND rel.attachment_id = swap.source_id""",
                SQL(", ").join(
                    SQL("(%s, %s, %s)", entry.id, attachment.id, copy.id)
                    for (entry, attachment), copy in zip(copies, new, strict=False)
                ),
            )
        )
        self.invalidate_recordset(["attachment_ids"])

    def _handed_out_copy(self, attachment):
        """The bytes of `attachment` as handed out (export, print): an important entry's PDF
        carries the mark 重要 (R38) on the copy; the filed original never changes (R39)."""
        raw = attachment.raw or b""
        if self.important and attachment.mimetype == "application/pdf" and raw.startswith(b"%PDF"):
            return mark_important(raw)
        return raw

    @internal_only()
    def action_print_copy(self):
        """A copy of the entry's latest PDF to print or send, marked 重要 when important (R38)."""
        self.ensure_one()
        pdf = self.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf").sorted("id")[
            -1:
        ]
        if not pdf:
            raise UserError(
                self.env._("Archive entry %(entry)s has no PDF to print.", entry=self.index_number)
            )
        copy = (
            self.env["ir.attachment"]
            .sudo()
            .with_context(aftersales_archive_no_filing=True)
            .create(
                {
                    "name": pdf.name,
                    "raw": self._handed_out_copy(pdf),
                    "mimetype": "application/pdf",
                    # The user's own copy: an attachment of no record is read by its creator only.
                    "res_model": self._name,
                    "res_id": False,
                }
            )
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{copy.id}?download=true",
            "target": "self",
        }

    @internal_only()
    def action_open_source(self):
        self.ensure_one()
        if not self.source_ref:
            raise UserError(
                self.env._(
                    "The source document of %(entry)s no longer exists.", entry=self.index_number
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
        }

    def _add_version(self, raw, checksum, source_write_date=False):
        """One document is one entry (issue 16): its changed source files a new version, owned
        by the entry, under the same index number; the earlier versions stay (R39)."""
        self.ensure_one()
        version = self.version + 1
        base = self.attachment_ids.sorted("id")[:1].name or f"{self.name}"
        stem = base[: -len(".pdf")] if base.lower().endswith(".pdf") else base
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .with_context(aftersales_archive_no_filing=True)
            .create(
                {
                    "name": f"{stem} v{version}.pdf",
                    "raw": raw,
                    "mimetype": "application/pdf",
                    "type": "binary",
                    "res_model": self._name,
                    "res_id": self.id,
                    "description": self.env._("Version %(version)s", version=version),
                }
            )
        )
        self.sudo().write(
            {
                "attachment_ids": [fields.Command.link(attachment.id)],
                "version": version,
                "content_checksum": checksum,
                "source_write_date": source_write_date,
                "date": self.env.company._aftersales_today(),
            }
        )
        return attachment

    # ------------------------------------------------------------------
    # Automatic filing (R38)
    # ------------------------------------------------------------------
    @api.model
    def _file_attachments(
        self,
        attachments,
        origin="attachment",
        report_xmlid=None,
        checksums=None,
        sources=None,
        extra_vals=None,
    ):
        """File each attachment once into the archive of the project its record belongs to; the
        entry then owns a copy of it (R39, `_own_files`).

        `checksums` maps attachment ids to the checksum used to recognise a document already
        filed for the same source record (by default, the attachment's own checksum).
        `sources` maps attachment ids to the (model, id) of the record they document, for files
        that are not attached to that record (a printed PDF owned by its entry).
        `extra_vals` maps attachment ids to more values of their entries."""
        checksums = checksums or {}
        extra_vals = extra_vals or {}
        sources = sources or {}
        by_model = defaultdict(list)
        for attachment in attachments:
            res_model, res_id = sources.get(attachment.id) or (
                attachment.res_model,
                attachment.res_id,
            )
            if res_model and res_id and not attachment.res_field:
                by_model[res_model].append((attachment, res_id))
        vals_list = []
        Category = self.env["aftersales.archive.category"]
        candidates = Category.search([]) if by_model else Category
        for res_model, pairs in by_model.items():
            path = self.env["ir.attachment"]._aftersales_project_path(res_model)
            if path is None:
                continue
            if not Category._for_source(res_model, report_xmlid, candidates=candidates):
                continue
            records = self.env[res_model].browse({res_id for __, res_id in pairs}).exists()
            projects = {record.id: record.mapped(path) if path else record for record in records}
            filed = self.with_context(active_test=False).search(
                [("res_model", "=", res_model), ("res_id", "in", records.ids)]
            )
            seen = {(e.res_id, e.content_checksum) for e in filed if e.content_checksum}
            seen |= {(e.res_id, a.checksum) for e in filed for a in e.attachment_ids}
            seen_ids = set(filed.attachment_ids.ids)
            for attachment, res_id in pairs:
                project = projects.get(res_id)
                checksum = checksums.get(attachment.id) or attachment.checksum
                key = (res_id, checksum)
                if not project or attachment.id in seen_ids or key in seen:
                    continue
                seen.add(key)
                # The sub-item follows the source and the kind of document (issue 16).
                category = Category._for_source(
                    res_model, report_xmlid, attachment.name, candidates=candidates
                )
                vals_list.append(
                    {
                        "project_id": project.id,
                        "category_id": category.id,
                        "name": attachment.name,
                        "origin": origin,
                        "res_model": res_model,
                        "res_id": res_id,
                        "attachment_ids": [fields.Command.link(attachment.id)],
                        "content_checksum": checksum,
                        **extra_vals.get(attachment.id, {}),
                    }
                )
        return self.create(vals_list) if vals_list else self.browse()
