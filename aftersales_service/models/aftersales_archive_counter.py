from odoo import api, fields, models


class AftersalesArchiveCounter(models.Model):
    """Last index number used per project and category (R36).

    One row per (project, category), bumped with an atomic upsert (no max()+1): PostgreSQL locks
    the row until the transaction ends, so a second transaction filing into the same section
    waits, is then aborted with a serialization failure and retried by Odoo (as for a no-gap
    ir.sequence) instead of drawing the same number; a rolled-back filing gives its number back,
    so there is no gap. `tests/bench_archive_numbering.py` checks this with parallel writers."""

    _name = "aftersales.archive.counter"
    _description = "Archive Numbering Counter"
    _log_access = False

    project_id = fields.Many2one(
        "aftersales.project", required=True, ondelete="cascade", index=True
    )
    category_id = fields.Many2one(
        "aftersales.archive.category", required=True, ondelete="restrict"
    )
    last_number = fields.Integer(required=True, default=0)

    _sql_constraints = [
        (
            "project_category_uniq",
            "unique(project_id, category_id)",
            "One numbering counter per project and archive category.",
        ),
    ]

    @api.model
    def _reserve(self, project_id, category_id, count=1):
        """Reserve `count` consecutive numbers in a project's category; returns the first one."""
        self.env.cr.execute(
            """
            INSERT INTO aftersales_archive_counter AS counter (project_id, category_id, last_number)
                 VALUES (%(project)s, %(category)s, %(count)s)
            ON CONFLICT (project_id, category_id)
              DO UPDATE SET last_number = counter.last_number + %(count)s
              RETURNING counter.last_number
            """,
            {"project": project_id, "category": category_id, "count": count},
        )
        last = self.env.cr.fetchone()[0]
        self.invalidate_model(["last_number"])
        return last - count + 1
