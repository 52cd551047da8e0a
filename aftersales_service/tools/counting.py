def count_by(model, field, ids):
    """{id: number of `model` records whose `field` is that id}: one grouped query for the
    smart buttons (and other counters) of many records. The one counting idiom of the addons."""
    return {
        record.id: count
        for record, count in model._read_group([(field, "in", ids)], [field], ["__count"])
    }
