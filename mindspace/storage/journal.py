"""Journal repository: entries, tags and FTS5 search. Every call runs on the DB executor."""

from __future__ import annotations

import builtins
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mindspace.core.entities import HIGHLIGHT_END, HIGHLIGHT_START, JournalEntry, SearchHit
from mindspace.core.validation import check_body, check_entry, check_tags, check_title
from mindspace.core.wording import plain_text
from mindspace.storage.errors import NotFoundError

if TYPE_CHECKING:
    from mindspace.storage.database import DbExecutor

Row = tuple[Any, ...]


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def _ts(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


# Common irregular forms the Porter stemmer cannot join ("slept" is not "sleep" to it): a
# query word from one of these groups also finds the others.
_IRREGULAR = [
    ("sleep", "slept"), ("feel", "felt"), ("think", "thought"), ("eat", "ate", "eaten"),
    ("go", "went", "gone"), ("run", "ran"), ("write", "wrote", "written"), ("see", "saw", "seen"),
    ("meet", "met"), ("lose", "lost"), ("leave", "left"), ("keep", "kept"),
    ("speak", "spoke", "spoken"), ("wake", "woke", "woken"), ("fight", "fought"),
    ("buy", "bought"), ("drink", "drank", "drunk"), ("tell", "told"), ("say", "said"),
    ("take", "took", "taken"), ("give", "gave", "given"), ("make", "made"), ("come", "came"),
    ("get", "got"), ("forget", "forgot", "forgotten"), ("hurt", "hurts"), ("cry", "cried"),
    ("break", "broke", "broken"), ("win", "won"), ("fall", "fell", "fallen"),
    ("teach", "taught"), ("catch", "caught"), ("bring", "brought"), ("hold", "held"),
]
_FORMS = {word: group for group in _IRREGULAR for word in group}
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def _clean_word(raw: str) -> str:
    word = "".join(ch for ch in raw if ch.isalnum() or ch in "'-_")
    return word.strip("'-_")


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _parse(text: str) -> list[list[tuple[str, list[str]]]]:
    """What a person typed as groups joined by AND, each a list of alternatives (joined by OR),
    each alternative ("word" or "phrase", its words). Only three things are syntax: a
    "quoted phrase" (with both quotes), OR in capitals between two terms, and a trailing *
    (every word is matched as a prefix anyway). Everything else is read as plain words."""
    if text.count('"') % 2:  # an unpaired quote is punctuation, not a phrase
        text = text.replace('"', " ")
    terms: list[tuple[str, list[str]] | None] = []  # None marks an OR
    for match in _QUERY_TOKEN.finditer(text):
        phrase, raw = match.group(1), match.group(2)
        if phrase is not None:
            words = [w for w in map(_clean_word, phrase.split()) if w]
            if words:
                terms.append(("phrase", words))
        elif raw == "OR":
            terms.append(None)
        else:
            word = _clean_word(raw)
            if word:
                terms.append(("word", [word]))
    groups: list[list[tuple[str, list[str]]]] = []
    for i, term in enumerate(terms):
        if term is None:
            joins = 0 < i < len(terms) - 1 and terms[i - 1] is not None and terms[i + 1] is not None
            if not joins:  # a leading, trailing or doubled OR is just the word "OR"
                groups.append([("word", ["OR"])])
            continue
        if i > 1 and terms[i - 1] is None and groups and terms[i - 2] is not None:
            groups[-1].append(term)
        else:
            groups.append([term])
    return groups


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must match (as a prefix, in
    any form the stemmer joins), "a phrase" matches those words in that order, and a OR b
    matches either. No other FTS5 syntax (columns, NEAR, NOT, parentheses, ^) is ever read."""
    parts = []
    for group in _parse(text):
        options = []
        for kind, words in group:
            if kind == "phrase":
                options.append(_quoted(" ".join(words)))
                continue
            forms = _FORMS.get(_fold(words[0]), (words[0],))
            options.extend(_quoted(form) + "*" for form in dict.fromkeys([words[0], *forms]))
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(parts) if parts else None


def _fold(text: str) -> str:
    """Lower-case and strip diacritics, as FTS5's unicode61 tokenizer does."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _stem(word: str) -> str:
    """A rough stem for highlighting what the Porter stemmer matched ("tomatoes" -> "tomato",
    "happy" -> "happ"); never shorter than three letters."""
    for suffix in ("ies", "ing", "es", "ed", "ly", "s", "y", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def query_words(text: str) -> list[str]:
    """The folded word stems to highlight for a query (irregular forms included)."""
    out: list[str] = []
    for group in _parse(text):
        for _kind, words in group:
            for word in words:
                folded = _fold(word)
                out.extend(_stem(f) for f in _FORMS.get(folded, (folded,)))
    return list(dict.fromkeys(w for w in out if w))


_TOKEN = re.compile(r"\w+", re.UNICODE)


class Snippets:
    """Cuts snippets for one query: about `2*context` words around the first match, matches
    wrapped in highlight markers. Matching mirrors the FTS query: a word matches when its folded
    form starts with a query word. The pattern is built once per query, not once per hit."""

    def __init__(self, words: list[str], context: int = 8) -> None:
        self._words = words
        self._context = context
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE)
            if words else None
        )

    def _mark(self, match: re.Match[str]) -> str:
        return f"{HIGHLIGHT_START}{match.group()}{HIGHLIGHT_END}"

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return ""
        if not text.isascii():
            return self._unicode(text)
        # fast path: a case-insensitive regex finds prefix matches directly
        context, pattern = self._context, self._pattern
        first = pattern.search(text)
        if first is None:
            return ""
        before = _TOKEN.findall(text[max(0, first.start() - 20 * context) : first.start()])
        lo = first.start()
        for _ in range(min(context, len(before))):
            lo = text.rindex(before.pop(), 0, lo)
        hi = first.end()
        for _, m in zip(range(context), _TOKEN.finditer(text, first.end()), strict=False):
            hi = m.end()
        window = pattern.sub(self._mark, text[lo:hi])
        return ("…" if lo > 0 else "") + " ".join(window.split()) + ("…" if hi < len(text) else "")

    def _unicode(self, text: str) -> str:
        words, context = self._words, self._context
        tokens = list(_TOKEN.finditer(text))
        hits = [
            i for i, m in enumerate(tokens) if any(_fold(m.group()).startswith(w) for w in words)
        ]
        if not hits:
            return ""
        first_hit = hits[0]
        lo_i, hi_i = max(0, first_hit - context), min(len(tokens), first_hit + context + 1)
        out, pos = [], tokens[lo_i].start()
        hit_set = set(hits)
        for i in range(lo_i, hi_i):
            m = tokens[i]
            out.append(text[pos : m.start()])
            out.append(self._mark(m) if i in hit_set else m.group())
            pos = m.end()
        snippet = " ".join("".join(out).split())
        return ("…" if lo_i > 0 else "") + snippet + ("…" if hi_i < len(tokens) else "")


def make_snippet(text: str, words: list[str], context: int = 8) -> str:
    """About `2*context` words around the first match (see `Snippets`, which reuses its
    pattern across the hits of one query)."""
    return Snippets(words, context)(text)


def _opening(text: str, words: int = 16) -> str:
    """The first words of a text (a hit whose matched form was not found for highlighting)."""
    tokens = text.split()
    return " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")


_INSERT_ENTRY = (
    "INSERT INTO journal_entries(id, title, body, entry_at, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_BULK_FROM = 8  # fewer entries than this go in through the trigger (no schema change)


def insert_entries(conn: Any, rows: Sequence[Row]) -> dict[str, int]:
    """Insert entries (id, title, body, entry_at, created_at, updated_at) in the caller's
    transaction and index them for search in one pass.

    FTS5 writes its pending terms to disk as a new index segment whenever a row arrives with a
    smaller rowid than the one before, and at every statement's savepoint. Row by row, through
    the AFTER INSERT trigger, both happen for every entry (each statement is its own, and entries
    written oldest first have falling order keys): one tiny segment per entry, merged again and
    again, most of the cost of a batch (and hundreds of locked allocations per entry under
    cipher_memory_security). So for a batch the trigger is set aside inside the transaction, the
    rows go in with one executemany, one INSERT ... SELECT hands them to FTS5 in rising rowid
    order, and the trigger is put back from its own stored text: the schema stays exactly as the
    migrations made it, a failure anywhere rolls all of it back, and the index holds the same
    content as row by row, so search finds the same entries.

    Returns each new entry's seq by its id."""
    if not rows:
        return {}
    # new rows get a seq above every existing one (seq is the INTEGER PRIMARY KEY)
    last = conn.execute("SELECT coalesce(max(seq), 0) FROM journal_entries").fetchone()[0]
    if len(rows) < _BULK_FROM:
        conn.executemany(_INSERT_ENTRY, rows)
        return _new_seqs(conn, last)
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type='trigger' AND name='journal_fts_ai'"
    ).fetchone()
    conn.execute("DROP TRIGGER journal_fts_ai")
    conn.executemany(_INSERT_ENTRY, rows)
    # "+order_key" sorts just the new rows instead of walking the order index over the journal

    conn.execute(
        "INSERT INTO journal_fts(rowid, title, body)"
        " SELECT order_key, title, body FROM journal_entries WHERE seq > ? ORDER BY +order_key",
        (last,),
    )
    conn.execute(trigger[0])
    return _new_seqs(conn, last)


def _new_seqs(conn: Any, last: int) -> dict[str, int]:
    return dict(conn.execute("SELECT id, seq FROM journal_entries WHERE seq > ?", (last,)))


def link_tags(conn: Any, pairs: Sequence[tuple[int, str]]) -> None:
    """Tag entries: (entry seq, tag name) pairs, in the caller's transaction."""
    if not pairs:
        return
    names = list(dict.fromkeys(tag for _, tag in pairs))
    conn.executemany("INSERT OR IGNORE INTO tags(name) VALUES (?)", [(n,) for n in names])
    ids = {name: conn.execute("SELECT id FROM tags WHERE name=?", (name,)).fetchone()[0]
           for name in names}
    conn.executemany(
        "INSERT OR IGNORE INTO entry_tags(entry_seq, tag_id) VALUES (?, ?)",
        sorted((seq, ids[tag]) for seq, tag in pairs),
    )


class JournalRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    # ---- writes ---------------------------------------------------------------------------
    def add(
        self,
        title: str,
        body: str,
        entry_at: datetime | None = None,
        tags: list[str] = (),  # type: ignore[assignment]
    ) -> JournalEntry:
        title, body, tag_list = check_title(title), check_body(body), check_tags(list(tags))
        check_entry(title, body)
        entry_id = uuid.uuid4().hex
        when = _ts(entry_at or datetime.now())
        now = _now()

        def work(conn: Any) -> None:
            cur = conn.execute(
                "INSERT INTO journal_entries(id, title, body, entry_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (entry_id, title, body, when, now, now),
            )
            self._set_tags(conn, cur.lastrowid, tag_list)

        self._db.transaction(work)
        return self.get(entry_id)

    def add_many(
        self, items: Iterable[tuple[str, str, datetime, builtins.list[str]]]
    ) -> builtins.list[str]:
        """Add many entries (title, body, date, tags) in one transaction; returns their ids.

        Every entry is checked before anything is written, so a bad one leaves the journal as it
        was. Used by imports: one transaction for a batch instead of one per entry."""
        rows, tag_lists = [], []
        now = _now()
        for title, body, entry_at, tags in items:
            title, body, tag_list = check_title(title), check_body(body), check_tags(list(tags))
            check_entry(title, body)
            rows.append((uuid.uuid4().hex, title, body, _ts(entry_at), now, now))
            tag_lists.append(tag_list)

        def work(conn: Any) -> None:
            seqs = insert_entries(conn, rows)
            link_tags(conn, [(seqs[row[0]], tag)
                             for row, tags in zip(rows, tag_lists, strict=True) for tag in tags])

        self._db.transaction(work)
        return [row[0] for row in rows]

    def update(
        self,
        entry_id: str,
        *,
        title: str | None = None,
        body: str | None = None,
        entry_at: datetime | None = None,
        tags: list[str] | None = None,
    ) -> JournalEntry:
        current = self.get(entry_id)
        new_title = check_title(title) if title is not None else current.title
        new_body = check_body(body) if body is not None else current.body
        new_at = _ts(entry_at) if entry_at is not None else _ts(current.entry_at)
        tag_list = check_tags(tags) if tags is not None else None
        check_entry(new_title, new_body)

        def work(conn: Any) -> None:
            conn.execute(
                "UPDATE journal_entries SET title=?, body=?, entry_at=?, updated_at=? WHERE id=?",
                (new_title, new_body, new_at, _now(), entry_id),
            )
            if tag_list is not None:
                seq = conn.execute(
                    "SELECT seq FROM journal_entries WHERE id=?", (entry_id,)
                ).fetchone()[0]
                self._set_tags(conn, seq, tag_list)

        self._db.transaction(work)
        return self.get(entry_id)

    def delete(self, entry_id: str) -> None:
        def work(conn: Any) -> int:
            cur = conn.execute("DELETE FROM journal_entries WHERE id=?", (entry_id,))
            conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)")
            return int(cur.rowcount)

        if self._db.transaction(work) == 0:
            raise NotFoundError(f"no journal entry with id {entry_id}")

    @staticmethod
    def _set_tags(conn: Any, seq: int, tags: list[str]) -> None:
        conn.execute("DELETE FROM entry_tags WHERE entry_seq=?", (seq,))
        for tag in tags:
            conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (tag,))
            tag_id = conn.execute("SELECT id FROM tags WHERE name=?", (tag,)).fetchone()[0]
            conn.execute("INSERT INTO entry_tags(entry_seq, tag_id) VALUES (?, ?)", (seq, tag_id))

    # ---- reads ----------------------------------------------------------------------------
    _SELECT = (
        "SELECT e.id, e.title, e.body, e.body_format, e.entry_at, e.created_at, e.updated_at,"
        " (SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t ON t.id=et.tag_id"
        "  WHERE et.entry_seq=e.seq) FROM journal_entries e"
    )

    @staticmethod
    def _entry(row: Row) -> JournalEntry:
        return JournalEntry(
            id=row[0],
            title=row[1],
            body=row[2],
            body_format=row[3],
            entry_at=datetime.fromisoformat(row[4]),
            created_at=datetime.fromisoformat(row[5]),
            updated_at=datetime.fromisoformat(row[6]),
            tags=sorted(row[7].split("\x1f"), key=str.casefold) if row[7] else [],
        )

    def get(self, entry_id: str) -> JournalEntry:
        row = self._db.run(
            lambda c: c.execute(self._SELECT + " WHERE e.id=?", (entry_id,)).fetchone()
        )
        if row is None:
            raise NotFoundError(f"no journal entry with id {entry_id}")
        return self._entry(row)

    def list(
        self,
        tag: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int | None = None,
    ) -> builtins.list[JournalEntry]:
        """Entries newest first, optionally filtered by tag and date range [start, end)."""
        where, params = self._filters(tag, start, end)
        sql = self._SELECT + where + " ORDER BY e.order_key"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return [self._entry(r) for r in rows]

    def page(
        self, tag: str | None = None, limit: int = 200, before: int | None = None
    ) -> tuple[builtins.list[JournalEntry], int | None]:
        """One page of entries newest first, and the cursor of the next (older) page or None.

        Pages walk the order key's index, so the first page of a journal of any size reads only
        the rows it shows; pass the cursor back as `before` for the next one."""
        where, params = self._filters(tag, None, None)
        if before is not None:
            where += (" AND " if where else " WHERE ") + "e.order_key > ?"
            params.append(int(before))
        sql = (
            "SELECT e.order_key, " + self._SELECT.removeprefix("SELECT ") + where
            + f" ORDER BY e.order_key LIMIT {max(1, int(limit))}"
        )
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        cursor = rows[-1][0] if len(rows) == max(1, int(limit)) else None
        return [self._entry(r[1:]) for r in rows], cursor

    def count(self, tag: str | None = None) -> int:
        where, params = self._filters(tag, None, None)
        sql = "SELECT count(*) FROM journal_entries e" + where
        return int(self._db.run(lambda c: c.execute(sql, params).fetchone()[0]))

    @staticmethod
    def _filters(
        tag: str | None, start: datetime | None, end: datetime | None
    ) -> tuple[str, builtins.list[Any]]:
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []
        if tag:
            clauses.append(
                "e.seq IN (SELECT et.entry_seq FROM entry_tags et JOIN tags t ON t.id=et.tag_id"
                " WHERE t.name=?)"
            )
            params.append(tag)
        if start:
            clauses.append("e.entry_at >= ?")
            params.append(_ts(start))
        if end:
            clauses.append("e.entry_at < ?")
            params.append(_ts(end))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def search(
        self, text: str, tag: str | None = None, limit: int = 100
    ) -> builtins.list[SearchHit]:
        """Full-text search over titles and bodies: matching entries newest first, each with a
        snippet whose matched words are wrapped in HIGHLIGHT_START/HIGHLIGHT_END.

        FTS5 finds the matches (every typed word, as a prefix); ordering by date keeps the cost
        flat even when a word occurs in most entries, and snippets are cut only for the rows
        returned.
        """
        query = fts_query(text)
        if query is None:
            return []
        where, params = self._filters(tag, None, None)
        where = where.replace(" WHERE ", " AND ", 1)
        # The index's rowids are the entries' order keys (newest first, see migration 0011):
        # FTS5 streams matches newest first and stops at the limit, whatever their number, and
        # the columns (body and tags included) are read only for the rows returned.
        sql = (
            "SELECT e.id, e.title, e.entry_at, e.body,"
            " (SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t"
            "  ON t.id=et.tag_id WHERE et.entry_seq=e.seq)"
            " FROM journal_fts f JOIN journal_entries e ON e.order_key=f.rowid"
            f" WHERE journal_fts MATCH ?{where} ORDER BY f.rowid LIMIT {int(limit)}"
        )
        rows = self._db.run(lambda c: c.execute(sql, [query, *params]).fetchall())
        snippet = Snippets(query_words(text))
        return [
            SearchHit(
                entry_id=r[0],
                title=r[1],
                entry_at=datetime.fromisoformat(r[2]),
                snippet=snippet(plain_text(r[3])) or snippet(r[1]) or _opening(plain_text(r[3])),
                tags=sorted(r[4].split("\x1f"), key=str.casefold) if r[4] else [],
            )
            for r in rows
        ]

    def tags(self) -> builtins.list[tuple[str, int]]:
        """(tag, number of entries), alphabetical."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT t.name, count(et.entry_seq) FROM tags t"
                " LEFT JOIN entry_tags et ON et.tag_id=t.id GROUP BY t.id ORDER BY t.name"
                " COLLATE NOCASE"
            ).fetchall()
        )
        return [(r[0], int(r[1])) for r in rows]

