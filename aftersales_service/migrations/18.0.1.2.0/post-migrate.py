from odoo import SUPERUSER_ID, api

# The archive categories are noupdate data: on an existing database, issue 16's new settings
# (keywords that pick the sub-item, the required sub-items) are filled in where still empty.
SEEDED = {
    "a1": ("contract,agreement,合同,协议", True),
    "a2": ("acceptance,handover,commissioning,delivery note,验收,交接,调试,发货", True),
    "a3": ("drawing,manual,图纸,手册,说明书", False),
    "a4": ("warranty,retention,质保,保修", False),
    "b8": ("visit,survey,complaint,回访,满意度,投诉", False),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for code, (keywords, required) in SEEDED.items():
        category = env.ref(f"aftersales_service.archive_category_{code}", raise_if_not_found=False)
        if category and not category.keywords:
            category.write({"keywords": keywords, "required": category.required or required})
