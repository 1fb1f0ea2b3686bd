"""Address look-up at intake: the gazetteer's in-memory index and the service screens call.

`pinyin` (the names' pinyin, computed when places are stored), `index` (searching as the
call-taker types) and `service` (`GazetteerService`, on the AppContext as `ctx.gazetteer`).
"""
