# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-sales Collection",
    "summary": "Receivables after handover, retention-money reminders, disputes and ageing",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "LGPL-3",
    "author": "After-sales Service Team",
    "website": "https://github.com/aftersales/aftersales",
    "depends": ["aftersales_service", "account"],
    "data": [],
    "installable": True,
}
