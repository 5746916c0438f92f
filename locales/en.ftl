# Every text the bot and the terminal chat show, in English: the same messages with the same
# variables as ru.ftl (tests/texts/locales.test.ts checks it). English plural categories: one, other.

## Counts

count-facts = { $count } { $count ->
         [one] fact
        *[other] facts
    }
count-partners = { $count } { $count ->
         [one] partner
        *[other] partners
    }
count-events = { $count } { $count ->
         [one] event
        *[other] events
    }

## Dates: $precision is day, month or year; $day and $month are numbers, $year text.

date = { $precision ->
    [day] { $day } { $month ->
         [1] January
         [2] February
         [3] March
         [4] April
         [5] May
         [6] June
         [7] July
         [8] August
         [9] September
         [10] October
         [11] November
        *[12] December
    } { $year }
    [month] { $month ->
         [1] January
         [2] February
         [3] March
         [4] April
         [5] May
         [6] June
         [7] July
         [8] August
         [9] September
         [10] October
         [11] November
        *[12] December
    } { $year }
   *[year] { $year }
}
# "ended on 2 March 2022", "ended in May 2016", "suspended since May 2016".
partnership-status = { $state ->
        [suspended] suspended since
       *[ended] { $precision ->
            [day] ended on
           *[other] ended in
        }
    } { $precision ->
        [day] { $day } { $month ->
         [1] January
         [2] February
         [3] March
         [4] April
         [5] May
         [6] June
         [7] July
         [8] August
         [9] September
         [10] October
         [11] November
        *[12] December
    } { $year }
        [month] { $month ->
         [1] January
         [2] February
         [3] March
         [4] April
         [5] May
         [6] June
         [7] July
         [8] August
         [9] September
         [10] October
         [11] November
        *[12] December
    } { $year }
       *[year] { $year }
    }

## Answers

not-found = The knowledge base has no answer to this question.
known-partners = Partner cities in the knowledge base: { $names }.
known-partners-more = Partner cities in the knowledge base: { $names } and { $more } more.
try-asking = Try asking:
shown-of = Showing { $shown } of { $total }.
status-note = Moscow's partnership with { $partner } was { $status }.
status-mark = ⛔ { $status }
greeting = Hello! I answer questions about Moscow's partnerships with other cities: agreements, memoranda, programmes, visits. Try asking, for example:
thanks = You're welcome! Ask more, for example:

list-partners = { $which ->
         [ended] Partnerships ended or suspended
         [current] Moscow's current partners
        *[all] Moscow's partners
    }: { $count } { $count ->
         [one] partner
        *[other] partners
    } in the knowledge base
list-partners-in = { $which ->
         [ended] Partnerships ended or suspended
         [current] Moscow's current partners
        *[all] Moscow's partners
    } — { $place }: { $count } { $count ->
         [one] partner
        *[other] partners
    } in the knowledge base
list-documents = Documents between Moscow and { $partner }: { $count }, by date of signing
list-year = { $year }: { $count } { $count ->
         [one] event
        *[other] events
    } in the knowledge base
list-year-partner = { $year }, { $partner }: { $count } { $count ->
         [one] event
        *[other] events
    } in the knowledge base

list-events = { $event }: { $count } { $count ->
         [one] event
        *[other] events
    } in the knowledge base, the latest first
list-year-event = { $event }, { $year }: { $count } { $count ->
         [one] event
        *[other] events
    } in the knowledge base

list-years = { $from }–{ $until }: { $count } { $count ->
         [one] event
        *[other] events
    } in the knowledge base
list-years-partner = { $from }–{ $until }, { $partner }: { $count } { $count ->
         [one] event
        *[other] events
    } in the knowledge base

region = { $region ->
    [europe] Europe
    [eurasia] Eurasia
    [asia] Asia
    [middle-east] Middle East
    [americas] Americas
    [africa] Africa
   *[other] Other
}
region-in-answer = { $region ->
    [eurasia] Eurasia (former USSR)
   *[other] { region }
}

example-partner-topic = Moscow and { $partner }: { $topic }
example-partner = Moscow and { $partner }

## /start and /help

start =
    <b>Moscow's city partnerships bot</b>
    I answer questions about the agreements, memoranda, programmes and visits between Moscow and its partner cities. Every answer is a set of facts from a reviewed knowledge base with its source; what the base does not hold, I do not make up.
start-knowledge = The knowledge base holds { $facts } { $facts ->
         [one] fact
        *[other] facts
    } from { $sources } { $sources ->
         [one] source
        *[other] sources
    } about { $partners } { $partners ->
         [one] partner
        *[other] partners
    }, the newest from { $newest }.
start-ask = Just type your question. All commands and how to ask in groups: /help. For example:

help =
    <b>How to ask</b>
    • here, in a private chat — just type your question;
    • in a group — <code>/ask question</code>, mention @{ $bot } or reply to my message;
    • in any chat — <code>@{ $bot } question</code>, then pick a fact to send it to that chat; with no question, the list of partners.
    Follow-ups work too: after a question about Minsk, "and Tashkent?".

    <b>Commands</b>
    /partners — Moscow's partners by region, each with its timeline and facts
    /sources — every source: publisher, date, link
    /ask question — ask in a group
    /start — what this bot is
    /help — this help
help-admin =
    <b>For admins</b>
    /reload — reread the knowledge folder without a restart
    /stats — uptime, knowledge, answer latency
    /unanswered — questions that found no answer, repeats merged
    /unanswered csv — all of them as a CSV file for a spreadsheet
    /ingest — draft fact cards from an article

## Command menu

command-start = What this bot is
command-help = Commands and how to ask
command-ask = Ask a question (in groups)
command-partners = Moscow's partners by region
command-sources = Where the facts come from
command-reload = Reload the knowledge folder
command-stats = Uptime and answer latency
command-unanswered = Questions with no answer
command-ingest = Draft fact cards from an article

## Chat

non-text = I understand text only. Type your question in words, for example "What did Moscow sign with Hanoi?", or see /help.
unknown-command = There is no such command. Type your question as plain text or see /help.
ask-usage = Put the question after the command, for example: <code>/ask Moscow Minsk memorandum</code>
button-more = More ▶
button-back = ◀ Back
expired = This button has expired. Please ask again.
rate-limited = Too many messages in a row. Please wait a little — I will answer your next questions.
rate-limited-press = Too many presses in a row. Please wait a minute and press again.
error = Something went wrong. Please try again a little later.

## /partners and /sources

partners-title =
    <b>Moscow's partners in the knowledge base</b>
    Tap a city to see its facts.
regions-title =
    <b>Moscow's partners in the knowledge base</b>
    { $partners } { $partners ->
         [one] partner
        *[other] partners
    } in { $regions } { $regions ->
         [one] region
        *[other] regions
    }. Choose a region.
region-button = { $region } ({ $partners } { $partners ->
         [one] partner
        *[other] partners
    })
region-title = <b>{ $region }</b> — { $partners } { $partners ->
         [one] partner
        *[other] partners
    }
not-current-title = <b>Partnership ended or suspended</b>
choose-partner = Tap a partner to see its timeline and facts.
partner-button = { $name } ({ $facts } { $facts ->
         [one] fact
        *[other] facts
    })
partner-heading = <b>{ $name }</b> — { $facts } { $facts ->
         [one] fact
        *[other] facts
    }
partner-status = ⛔ <b>Partnership { $status }</b>
timeline-title = <b>Timeline</b>
other-facts-title = <b>Other facts</b>
back-to-regions = ← Regions
back-to-partners = ← Partners
partner-gone = This partner is no longer in the knowledge base. Open /partners again.
region-gone = The knowledge base no longer has partners in this region. Open /partners again.
sources-title = <b>Sources</b>

## Inline mode

inline-nothing = Nothing found — open the bot
inline-overview = { $facts } { $facts ->
         [one] fact
        *[other] facts
    } in the knowledge base
# Under an overview message sent inline: the first keeps searching in the same chat, the second opens the partner's page in the bot.
inline-search-partner = 🔎 All facts: { $name }
inline-open-in-bot = Open in the bot

## Console chat (npm start without BOT_TOKEN)

console-intro = Console chat: no BOT_TOKEN is set, so the bot is not started and questions are answered here.
console-knowledge = Knowledge: { $facts } { $facts ->
         [one] fact
        *[other] facts
    } from { $sources } { $sources ->
         [one] source
        *[other] sources
    } about { $partners }.
console-warnings = Knowledge warnings: { $count } (npm run validate lists them).
console-interactive = Ask in Russian or English; "exit" or Ctrl-D quits.
console-piped = Answering each line of the input.

## /ingest (admins)

ingest-usage =
    <b>/ingest</b> makes a draft of fact cards from a news article. Send the article right after the command, or reply /ingest to a message that holds it, or attach it as a .txt file (100 KB at most) with /ingest as its caption.
    { ingest-header-format }
ingest-header-format =
    The article starts with a header: <code>title:</code>, <code>publisher:</code> and <code>published:</code> lines (and <code>url:</code> when there is a link), then an empty line, then the text. For example:
    <pre>title: Moscow and Minsk signed a memorandum on schools
    publisher: TASS
    published: 2025-10-30
    url: https://tass.ru/obschestvo/12345

    Moscow and Minsk signed a memorandum on cooperation in school education…</pre>
    The date is written YYYY-MM-DD.
ingest-no-draft = <b>No draft</b>: the article could not be turned into cards.
ingest-missing-english = { $count ->
        [one] { $count } card ({ $cards }) has no English text (text_en)
       *[other] { $count } cards ({ $cards }) have no English text (text_en)
    }
ingest-missing-partners = { $count ->
        [one] { $count } card ({ $cards }) names no partner
       *[other] { $count } cards ({ $cards }) name no partner
    }
ingest-confirm-publish =
    <b>Publish anyway?</b> Of { $total } { $total ->
        [one] card
       *[other] cards
    }, { $missing }. The knowledge's rules want both on every card: without text_en a card cannot answer an English question, and without a partner it is found by no partner.
    To fix a card first, reply to the draft with “N en: English text”, or drop the card.
ingest-publish-anyway = Publish anyway
ingest-publish-all = Publish all
ingest-cancel = Cancel
ingest-draft-title = <b>Draft</b> <code>{ $id }</code> — { $count } { $count ->
        [one] card
       *[other] cards
    }
ingest-card-partners = partners: { $list }
ingest-card-people = people: { $list }
ingest-card-date = date: { $date }
ingest-card-topics = topics: { $list }
ingest-hidden-cards = … { $count } { $count ->
        [one] card not shown here (it is published too)
       *[other] cards not shown here (they are published too)
    }
ingest-suggestions = Not in partners.json yet: { $names }
ingest-suggestions-more = Not in partners.json yet: { $names } and { $more } more
ingest-draft-help = Publish writes the source and reloads. To fix card N, reply to this message with “N: corrected text”; “N en: English text” gives it its text_en.
ingest-draft-gone = This draft is gone (published, cancelled or expired).
ingest-discarded-notice = Draft discarded.
ingest-discarded = Draft <code>{ $id }</code> discarded; nothing was written.
ingest-last-card = A draft keeps at least one card; cancel it instead.
ingest-card-dropped = Card { $card } dropped.
ingest-publishing = Publishing…
ingest-not-published = <b>Not published</b>: the knowledge would not validate with this draft. Nothing was written.
ingest-published = Published <code>{ $file }</code> ({ $count } { $count ->
        [one] card
       *[other] cards
    }).
ingest-card-too-long = A card text is at most 1,000 characters.
ingest-no-such-card = There is no card { $card } in this draft.
ingest-card-updated = Card { $card } updated.
ingest-not-text = Send the article as plain text or as a .txt file.
ingest-file-too-big = The file is over { $kb } KB. Send one article at a time.
ingest-article-too-big = The article is over { $kb } KB. Send one article at a time.
ingest-no-file-path = Telegram did not give the file's path; send the text instead.

## /unanswered (admins)

unanswered-none = No unanswered questions yet.
unanswered-title = <b>Unanswered questions</b>: { $count } { $count ->
        [one] question
       *[other] questions
    }, the most recently asked first; times are Moscow time (MSK).
unanswered-line = • { $text } — asked { $count } { $count ->
        [one] time
       *[other] times
    }, last { $time } MSK
unanswered-more = … and { $count } more in the CSV
unanswered-csv-button = ⬇ CSV for editors
unanswered-csv-caption = { $count } { $count ->
        [one] question
       *[other] questions
    } without an answer, repeats merged; times in Moscow time (Europe/Moscow).
unanswered-csv-question = question
unanswered-csv-count = times asked
unanswered-csv-first = first asked (Europe/Moscow)
unanswered-csv-last = last asked (Europe/Moscow)

## /stats and /reload (admins)

stats =
    <b>Stats</b>
    Uptime: { $uptime } (since { $since })
    Knowledge: version { $version }, loaded at { $loaded }
    Cards: { $cards }, sources: { $sources }, partners: { $partners }
    Questions: { $questions } (answered { $answered }, not answered { $unanswered })
    Answer latency: p50 { $p50 }, p95 { $p95 }
duration = { $days }d { $hours }h { $minutes }m { $seconds }s
duration-short = { $hours }h { $minutes }m { $seconds }s
milliseconds = { $ms } ms
reload-done = <b>Reloaded</b> in { $ms } ms: version { $version }.
reload-counts = Cards: { $cards }, sources: { $sources }, partners: { $partners }.
reload-added = Added { $count }: { $ids }
reload-removed = Removed { $count }: { $ids }
reload-changed = Changed { $count }: { $ids }
reload-refused = <b>Reload refused</b> ({ $ms } ms): { $count } { $count ->
        [one] problem
       *[other] problems
    }. Still serving knowledge version { $version }.
reload-more = … and { $count } more
reload-warnings = ⚠ { $count } { $count ->
        [one] warning
       *[other] warnings
    } (served all the same):
reload-warnings-more = … and { $count } more: <code>npm run validate</code> lists them all
reload-rollout = Version { $version } live on { $live } of { $replicas } replicas.
reload-rollout-behind = Version { $version } live on { $live } of { $replicas } replicas; behind: { $behind }
reload-replica = { $replica } (version { $version })

## Knowledge problems and warnings (/reload, publishing a draft, npm run validate)
# Plain text, not HTML: the code escapes them for Telegram. $code is a system error code (ENOENT),
# $reason the JSON parser's own words, $detail zod's; file names, ids and values are as written.

knowledge-file-missing = file is missing
knowledge-folder-unreadable = cannot read the folder: { $code }
knowledge-too-many-sources = { $count } source { $count ->
        [one] file
       *[other] files
    }, more than the limit of { $max }; nothing was loaded
knowledge-symlink = is a symbolic link; links are not followed, put the file itself in the folder
knowledge-not-a-file = is not a regular file
# Megabytes with one decimal, kilobytes whole.
knowledge-file-too-big = is { $sizeUnit ->
        [MB] { NUMBER($size, minimumFractionDigits: 1) } MB
       *[KB] { $size } KB
    }, over the limit of { $maxUnit ->
        [MB] { NUMBER($max, minimumFractionDigits: 1) } MB
       *[KB] { $max } KB
    }
knowledge-unreadable = cannot be read ({ $code })
knowledge-no-sources = no source files (*.json) found
knowledge-no-revision = no knowledge revision is stored yet
knowledge-json-syntax = invalid JSON at line { $line }, column { $column }: { $reason }
knowledge-json-end = invalid JSON at line { $line }, column { $column }: unexpected end of file
knowledge-unknown-field = unknown field "{ $field }"
knowledge-required = is required
knowledge-wrong-type = must be { $expected ->
        [array] an array
        [object] an object
        [int] an integer
       *[other] a { $expected }
    }, got { $got ->
        [null] null
        [array] an array
        [object] an object
       *[other] { $got } { $value }
    }
knowledge-too-long = must be at most { $max } { $max ->
        [one] character
       *[other] characters
    }
knowledge-too-many-questions = must hold at most { $max } { $max ->
        [one] question
       *[other] questions
    }
knowledge-id-format = must match [a-z0-9-]+
knowledge-real-date = must be a real calendar date YYYY-MM-DD
knowledge-fact-date = must be a real date YYYY-MM-DD, a month YYYY-MM or a year YYYY
knowledge-http-url = must be an absolute http(s) URL
knowledge-not-empty = must not be empty
knowledge-no-cards = must hold at least one card
knowledge-synonym-group = a group needs at least two terms
# zod's own words, English already.
knowledge-invalid = { $detail }
knowledge-unknown-partner = unknown partner "{ $partner }" (known: { $known })
knowledge-id-not-file-name = "{ $id }" must equal the file name "{ $expected }"
knowledge-duplicate-fact = duplicate fact id "{ $id }" (also at { $earlier })
knowledge-duplicate-id = duplicate id "{ $id }" (also at { $earlier })
knowledge-status-no-card = no card with id "{ $card }"
knowledge-status-card-not-partner = card "{ $card }" does not name partner "{ $partner }" in its partners
knowledge-already-published = a source with this id is already published (perhaps just now, by another admin); nothing was overwritten — change the id or edit that file
knowledge-published-meanwhile = a source with this id was published just now by someone else; nothing was overwritten
knowledge-warning-no-url = no url: readers cannot check the source; add the address of the published text
knowledge-warning-no-english = no text_en: English questions get this card in Russian; add an English rendering of the text
knowledge-warning-unlisted-partner = the text names { $names }, but partners does not list { $ids }: add { $count ->
        [1] it
       *[other] them
    }, or reword the text if the card is not about { $count ->
        [1] it
       *[other] them
    }
knowledge-warning-date-year = "{ $date }" but { $field } says { $year }: correct whichever is wrong
knowledge-warning-date-days = "{ $date }" but { $field } says { $days }: correct whichever is wrong
knowledge-warning-near-duplicate = reads like "{ $id }" ({ $place }), { $percent }% of word stems shared: if both state one fact, keep the card of the better source and delete the other; otherwise make each say what only its source says

## Ingest notes (/ingest and npm run ingest)
# Plain text; `backticks` mark what to type, shown as code in Telegram.

ingest-note-too-big = the article is { $kb } KB, over the limit of { $max } KB: give one article at a time
ingest-note-no-fact = no sentence of the article carries a fact: is the body empty or only a header?
ingest-note-bad-url = the URL "{ $url }" is not an absolute http(s) address
ingest-note-no-publisher = no publisher: add a `publisher:` line to the article's header
ingest-note-no-date = no publication date: add a `published: YYYY-MM-DD` line to the article's header
ingest-note-invalid-draft = the draft does not validate (a bug in ingest): { $place }: { $problem }
ingest-note-header-ignored = header line { $line } was ignored: "{ $text }" (known fields: { $fields })
ingest-note-not-a-date = "published: { $value }" is not a date (write YYYY-MM-DD)
ingest-note-no-headline = the article has no headline; the title "{ $title }" is its first sentence: write a real one
ingest-note-no-partner = no partner from partners.json is named in the article; the cards have no partners
ingest-note-url-too-long = the URL is over { $max } { $max ->
        [one] character
       *[other] characters
    }, the most a source may have, and was left out
ingest-note-publisher-from-dateline = the publisher "{ $publisher }" was read from the dateline "{ $dateline }"
ingest-note-publisher-from-url = the publisher "{ $publisher }" was read from the URL
ingest-note-date-from-url = the publication date { $date } was read from the URL
ingest-note-value-cut = the { $field } was over { $max } { $max ->
        [one] character
       *[other] characters
    } and was cut: check it
ingest-note-card-cut = { $card }: the sentence was over { $max } { $max ->
        [one] character
       *[other] characters
    } and was cut
# Why a sentence of the article gave no card.
ingest-dropped-question = a question
ingest-dropped-greeting = a greeting
ingest-dropped-attribution = says who said it, but nothing more
ingest-dropped-short = too short to hold a fact
ingest-dropped-no-subject = names no partner, date, number, document or subject of cooperation
