import logging

from odoo.tests import tagged

from .repair_common import RepairCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestResolverQueries(RepairCase):
    """A resolver run costs a near-constant number of queries, whatever the number of lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parts = cls.env["product.product"].create(
            [{"name": f"Bulk part {i}", "is_storable": True} for i in range(50)]
        )

    def _queries(self, count, method):
        repair = self._repair([(part, 1) for part in self.parts[:count]])
        repair.move_ids.flush_recordset()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        method(repair)
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_analysis_queries_constant(self):
        analyse = lambda repair: repair._aftersales_resolve_analysis(lock=True)  # noqa: E731
        small, large = self._queries(10, analyse), self._queries(50, analyse)
        _logger.info("resolver analysis: %s queries for 10 lines, %s for 50", small, large)
        self.assertLessEqual(large - small, 5, f"10 lines: {small} queries, 50 lines: {large}")

    def test_resolver_run_queries_small_per_line(self):
        # No stock anywhere: every line goes to one purchase request.
        run = lambda repair: repair._aftersales_resolve_parts()  # noqa: E731
        small, large = self._queries(10, run), self._queries(50, run)
        _logger.info("resolver run: %s queries for 10 lines, %s for 50", small, large)
        per_line = (large - small) / 40
        self.assertLessEqual(per_line, 4, f"10 lines: {small} queries, 50 lines: {large}")
