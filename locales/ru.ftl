# Every text the bot and the terminal chat show, in Russian. en.ftl has the same messages with the
# same variables (tests/texts/locales.test.ts checks it). Messages with <b>, <i>, <code> are
# Telegram HTML: their variables are escaped by the code before they get here.
#
# Counts choose their noun by CLDR plural category: one (1, 21, 101), few (2–4, 22–24, 94),
# many (0, 5–20, 11–14, 25–30, 111). Years and ids are passed as text, never digit-grouped.

## Counts

count-facts = { $count } { $count ->
         [one] факт
         [few] факта
        *[many] фактов
    }
count-partners = { $count } { $count ->
         [one] партнёр
         [few] партнёра
        *[many] партнёров
    }
count-events = { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    }

## Dates: $precision is day, month or year; $day and $month are numbers, $year text.

date = { $precision ->
    [day] { $day } { $month ->
         [1] января
         [2] февраля
         [3] марта
         [4] апреля
         [5] мая
         [6] июня
         [7] июля
         [8] августа
         [9] сентября
         [10] октября
         [11] ноября
        *[12] декабря
    } { $year }
    [month] { $month ->
         [1] январь
         [2] февраль
         [3] март
         [4] апрель
         [5] май
         [6] июнь
         [7] июль
         [8] август
         [9] сентябрь
         [10] октябрь
         [11] ноябрь
        *[12] декабрь
    } { $year }
   *[year] { $year }
}
# A partnership's status from a date on, as a legal text puts it: «прекращено с мая 2016 года».
partnership-status = { $state ->
        [suspended] приостановлено
       *[ended] прекращено
    } с { $precision ->
        [day] { $day } { $month ->
         [1] января
         [2] февраля
         [3] марта
         [4] апреля
         [5] мая
         [6] июня
         [7] июля
         [8] августа
         [9] сентября
         [10] октября
         [11] ноября
        *[12] декабря
    } { $year }
        [month] { $month ->
         [1] января
         [2] февраля
         [3] марта
         [4] апреля
         [5] мая
         [6] июня
         [7] июля
         [8] августа
         [9] сентября
         [10] октября
         [11] ноября
        *[12] декабря
    } { $year }
       *[year] { $year }
    } года

## Answers

not-found = В базе знаний нет ответа на этот вопрос.
known-partners = Города-партнёры в базе: { $names }.
known-partners-more = Города-партнёры в базе: { $names } и ещё { $more }.
try-asking = Попробуйте спросить:
shown-of = Показано { $shown } из { $total }.
status-note = Партнёрство Москвы и города { $partner } { $status }.
status-mark = ⛔ { $status }
greeting = Здравствуйте! Я отвечаю на вопросы о партнёрствах Москвы с другими городами: соглашения, меморандумы, программы, визиты. Спросите, например:
thanks = Пожалуйста! Спрашивайте ещё, например:

list-partners = { $which ->
         [ended] Партнёрства, прекращённые или приостановленные
         [current] Действующие партнёры Москвы
        *[all] Партнёры Москвы
    }: { $count } { $count ->
         [one] партнёр
         [few] партнёра
        *[many] партнёров
    } в базе знаний
list-partners-in = { $which ->
         [ended] Партнёрства, прекращённые или приостановленные
         [current] Действующие партнёры Москвы
        *[all] Партнёры Москвы
    } — { $place }: { $count } { $count ->
         [one] партнёр
         [few] партнёра
        *[many] партнёров
    } в базе знаний
list-documents = Документы Москвы и города { $partner }: { $count } — по дате подписания
list-year = { $year } год: { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    } в базе знаний
list-year-partner = { $year } год, { $partner }: { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    } в базе знаний

list-events = { $event }: { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    } в базе знаний, сначала последние
list-year-event = { $event }, { $year } год: { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    } в базе знаний

list-years = { $from }–{ $until } годы: { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    } в базе знаний
list-years-partner = { $from }–{ $until } годы, { $partner }: { $count } { $count ->
         [one] событие
         [few] события
        *[many] событий
    } в базе знаний

region = { $region ->
    [europe] Европа
    [eurasia] Евразия
    [asia] Азия
    [middle-east] Ближний Восток
    [americas] Америка
    [africa] Африка
   *[other] Другие
}
# In an answer's heading, where the reader has no list of regions to guess from.
region-in-answer = { $region ->
    [eurasia] Евразия (бывший СССР)
   *[other] { region }
}

# Example questions: each is asked of the knowledge before it is offered.
example-partner-topic = Москва и { $partner }: { $topic }
example-partner = Москва и { $partner }

## /start and /help

start =
    <b>Бот о городских партнёрствах Москвы</b>
    Отвечаю на вопросы о соглашениях, меморандумах, программах и визитах Москвы и её городов-партнёров. Каждый ответ — факты из проверенной базы со ссылкой на источник; чего нет в базе, того не выдумываю.
start-knowledge = В базе { $facts } { $facts ->
         [one] факт
         [few] факта
        *[many] фактов
    } из { $sources } { $sources ->
         [one] источника
        *[many] источников
    } о { $partners } { $partners ->
         [one] партнёре
        *[many] партнёрах
    }, самый свежий — от { $newest }.
start-ask = Просто напишите вопрос. Все команды и как спрашивать в группах — /help. Например:

help =
    <b>Как спросить</b>
    • здесь, в личном чате, — просто напишите вопрос;
    • в группе — <code>/ask вопрос</code>, упоминание @{ $bot } или ответ на моё сообщение;
    • в любом чате — <code>@{ $bot } вопрос</code>, затем выберите факт, и он отправится в этот чат; без вопроса — список партнёров.
    Можно уточнять вдогонку: после вопроса о Минске — «а с Ташкентом?».

    <b>Команды</b>
    /partners — партнёры Москвы по регионам, у каждого хронология и факты
    /sources — все источники: издание, дата, ссылка
    /ask вопрос — задать вопрос в группе
    /start — коротко о боте
    /help — эта справка
help-admin =
    <b>Для администраторов</b>
    /reload — перечитать папку знаний без перезапуска
    /stats — время работы, база знаний, скорость ответов
    /unanswered — вопросы, на которые не нашлось ответа, повторы объединены
    /unanswered csv — все они файлом CSV для таблицы
    /ingest — черновик карточек из статьи

## Command menu

command-start = Что это за бот
command-help = Команды и как спросить
command-ask = Задать вопрос (в группах)
command-partners = Партнёры Москвы по регионам
command-sources = Источники фактов
command-reload = Перечитать базу знаний
command-stats = Работа бота и скорость ответов
command-unanswered = Вопросы без ответа
command-ingest = Черновик карточек из статьи

## Chat

non-text = Я понимаю только текст. Напишите вопрос словами, например: «Что Москва подписала с Ханоем?» — или откройте /help.
unknown-command = Такой команды нет. Напишите вопрос обычным текстом или откройте /help.
ask-usage = Напишите вопрос после команды, например: <code>/ask меморандум Москвы и Минска</code>
button-more = Ещё ▶
button-back = ◀ Назад
expired = Эта кнопка устарела. Задайте вопрос ещё раз.
rate-limited = Слишком много сообщений подряд. Подождите немного — я отвечу на следующие вопросы.
rate-limited-press = Слишком много нажатий подряд. Подождите минуту и нажмите снова.
error = Что-то пошло не так. Попробуйте ещё раз чуть позже.

## /partners and /sources

partners-title =
    <b>Партнёры Москвы в базе знаний</b>
    Нажмите на город, чтобы увидеть факты.
regions-title =
    <b>Партнёры Москвы в базе знаний</b>
    { $partners } { $partners ->
         [one] партнёр
         [few] партнёра
        *[many] партнёров
    } в { $regions } { $regions ->
         [one] регионе
        *[many] регионах
    }. Выберите регион.
region-button = { $region } ({ $partners } { $partners ->
         [one] партнёр
         [few] партнёра
        *[many] партнёров
    })
region-title = <b>{ $region }</b> — { $partners } { $partners ->
         [one] партнёр
         [few] партнёра
        *[many] партнёров
    }
not-current-title = <b>Партнёрство прекращено или приостановлено</b>
choose-partner = Нажмите на партнёра, чтобы увидеть хронологию и факты.
partner-button = { $name } ({ $facts } { $facts ->
         [one] факт
         [few] факта
        *[many] фактов
    })
partner-heading = <b>{ $name }</b> — { $facts } { $facts ->
         [one] факт
         [few] факта
        *[many] фактов
    }
partner-status = ⛔ <b>Партнёрство { $status }</b>
timeline-title = <b>Хронология</b>
other-facts-title = <b>Другие факты</b>
back-to-regions = ← Регионы
back-to-partners = ← Партнёры
partner-gone = Этого партнёра больше нет в базе знаний. Откройте /partners заново.
region-gone = Партнёров из этого региона больше нет в базе знаний. Откройте /partners заново.
sources-title = <b>Источники</b>

## Inline mode

inline-nothing = Ничего не найдено — открыть бота
inline-overview = { $facts } { $facts ->
         [one] факт
         [few] факта
        *[many] фактов
    } в базе
# Under an overview message sent inline: the first keeps searching in the same chat, the second opens the partner's page in the bot.
inline-search-partner = 🔎 Все факты: { $name }
inline-open-in-bot = Открыть в боте

## Console chat (npm start without BOT_TOKEN)

console-intro = Консольный чат: BOT_TOKEN не задан, поэтому бот не запущен и вопросы задаются здесь.
console-knowledge = В базе { $facts } { $facts ->
         [one] факт
         [few] факта
        *[many] фактов
    } из { $sources } { $sources ->
         [one] источника
        *[many] источников
    } о городах: { $partners }.
console-warnings = Предупреждений о базе знаний: { $count } (их перечисляет npm run validate).
console-interactive = Спрашивайте по-русски или по-английски; «выход» или Ctrl-D — завершить.
console-piped = Отвечаю на каждую строку ввода.

## /ingest (для администраторов)

ingest-usage =
    <b>/ingest</b> делает из новостной статьи черновик карточек. Пришлите статью сразу после команды, или ответьте /ingest на сообщение со статьёй, или приложите её файлом .txt (не больше 100 КБ) с подписью /ingest.
    { ingest-header-format }
ingest-header-format =
    Статья начинается с шапки — строк <code>title:</code>, <code>publisher:</code> и <code>published:</code> (и <code>url:</code>, если есть ссылка), — затем пустая строка и текст. Например:
    <pre>title: Москва и Минск подписали меморандум о школах
    publisher: ТАСС
    published: 2025-10-30
    url: https://tass.ru/obschestvo/12345

    Москва и Минск подписали меморандум о сотрудничестве в школьном образовании…</pre>
    Дата пишется как ГГГГ-ММ-ДД.
ingest-no-draft = <b>Черновика нет</b>: из статьи не получилось карточек.
ingest-missing-english = { $count ->
        [one] у { $count } карточки ({ $cards }) нет текста на английском (text_en)
       *[other] у { $count } карточек ({ $cards }) нет текста на английском (text_en)
    }
ingest-missing-partners = { $count ->
        [one] { $count } карточка ({ $cards }) не называет партнёра
        [few] { $count } карточки ({ $cards }) не называют партнёра
       *[other] { $count } карточек ({ $cards }) не называют партнёра
    }
ingest-confirm-publish =
    <b>Опубликовать всё равно?</b> Из { $total } { $total ->
        [one] карточки
       *[other] карточек
    }: { $missing }. По правилам базы у каждой карточки есть и то и другое: без text_en карточка не ответит на вопрос по-английски, а без партнёра её не найти по партнёру.
    Чтобы сначала исправить карточку, ответьте на черновик «N en: текст на английском» или уберите карточку.
ingest-publish-anyway = Опубликовать всё равно
ingest-publish-all = Опубликовать все
ingest-cancel = Отменить
ingest-draft-title = <b>Черновик</b> <code>{ $id }</code> — { $count } { $count ->
        [one] карточка
        [few] карточки
       *[other] карточек
    }
ingest-card-partners = партнёры: { $list }
ingest-card-people = люди: { $list }
ingest-card-date = дата: { $date }
ingest-card-topics = темы: { $list }
ingest-hidden-cards = … ещё { $count } { $count ->
        [one] карточка здесь не показана (её тоже опубликуют)
        [few] карточки здесь не показаны (их тоже опубликуют)
       *[other] карточек здесь не показаны (их тоже опубликуют)
    }
ingest-suggestions = Ещё нет в partners.json: { $names }
ingest-suggestions-more = Ещё нет в partners.json: { $names } и ещё { $more }
ingest-draft-help = «Опубликовать все» записывает источник и перечитывает базу. Чтобы исправить карточку N, ответьте на это сообщение «N: исправленный текст»; «N en: текст на английском» задаёт её text_en.
ingest-draft-gone = Этого черновика больше нет: его опубликовали, отменили или он устарел.
ingest-discarded-notice = Черновик удалён.
ingest-discarded = Черновик <code>{ $id }</code> удалён, ничего не записано.
ingest-last-card = В черновике остаётся хотя бы одна карточка; чтобы убрать всё, отмените черновик.
ingest-card-dropped = Карточка { $card } убрана.
ingest-publishing = Публикую…
ingest-not-published = <b>Не опубликовано</b>: с этим черновиком база знаний не проходит проверку. Ничего не записано.
ingest-published = Опубликован <code>{ $file }</code>: { $count } { $count ->
        [one] карточка
        [few] карточки
       *[other] карточек
    }.
ingest-card-too-long = Текст карточки — не больше 1000 знаков.
ingest-no-such-card = В этом черновике нет карточки { $card }.
ingest-card-updated = Карточка { $card } обновлена.
ingest-not-text = Пришлите статью обычным текстом или файлом .txt.
ingest-file-too-big = Файл больше { $kb } КБ. Присылайте по одной статье.
ingest-article-too-big = Статья больше { $kb } КБ. Присылайте по одной статье.
ingest-no-file-path = Telegram не сообщил, где лежит файл; пришлите статью текстом.

## /unanswered (для администраторов)

unanswered-none = Вопросов без ответа пока нет.
unanswered-title = <b>Вопросы без ответа</b>: { $count } { $count ->
        [one] вопрос
        [few] вопроса
       *[many] вопросов
    }, сначала заданные последними; время московское (МСК).
unanswered-line = • { $text } — задан { $count } { $count ->
        [one] раз
        [few] раза
       *[many] раз
    }, последний — { $time } МСК
unanswered-more = … и ещё { $count } в CSV
unanswered-csv-button = ⬇ CSV для редакторов
unanswered-csv-caption = { $count } { $count ->
        [one] вопрос
        [few] вопроса
       *[many] вопросов
    } без ответа, повторы объединены; время московское (Europe/Moscow).
unanswered-csv-question = вопрос
unanswered-csv-count = сколько раз задан
unanswered-csv-first = впервые (Europe/Moscow)
unanswered-csv-last = последний раз (Europe/Moscow)

## /stats and /reload (admins)

stats =
    <b>Статистика</b>
    Работает: { $uptime } (с { $since })
    База знаний: версия { $version }, загружена { $loaded }
    Карточек: { $cards }, источников: { $sources }, партнёров: { $partners }
    Вопросов: { $questions } (с ответом { $answered }, без ответа { $unanswered })
    Время ответа: p50 { $p50 }, p95 { $p95 }
duration = { $days } д { $hours } ч { $minutes } мин { $seconds } с
duration-short = { $hours } ч { $minutes } мин { $seconds } с
milliseconds = { $ms } мс
reload-done = <b>Перечитано</b> за { $ms } мс: версия { $version }.
reload-counts = Карточек: { $cards }, источников: { $sources }, партнёров: { $partners }.
reload-added = Добавлено { $count }: { $ids }
reload-removed = Удалено { $count }: { $ids }
reload-changed = Изменено { $count }: { $ids }
reload-refused = <b>Перечитать не удалось</b> (за { $ms } мс): { $count } { $count ->
        [one] проблема
        [few] проблемы
       *[many] проблем
    }. Бот по-прежнему отвечает по версии { $version }.
reload-more = … и ещё { $count }
reload-warnings = ⚠ { $count } { $count ->
        [one] предупреждение
        [few] предупреждения
       *[many] предупреждений
    } (база всё равно загружена):
reload-warnings-more = … и ещё { $count }: <code>npm run validate</code> покажет все
reload-rollout = Версия { $version } работает на { $live } из { $replicas } реплик.
reload-rollout-behind = Версия { $version } работает на { $live } из { $replicas } реплик; отстают: { $behind }
reload-replica = { $replica } (версия { $version })

## Knowledge problems and warnings (/reload, publishing a draft, npm run validate)
# Plain text, not HTML: the code escapes them for Telegram. $code is a system error code (ENOENT),
# $reason the JSON parser's own words, $detail zod's; file names, ids and values are as written.

knowledge-file-missing = файла нет
knowledge-folder-unreadable = папка не читается: { $code }
knowledge-too-many-sources = { $count } { $count ->
        [one] файл
        [few] файла
       *[many] файлов
    } источников — больше предела в { $max }; ничего не загружено
knowledge-symlink = это символическая ссылка; по ссылкам файлы не читаются — положите в папку сам файл
knowledge-not-a-file = это не обычный файл
# Megabytes with one decimal, kilobytes whole.
knowledge-file-too-big = размер { $sizeUnit ->
        [MB] { NUMBER($size, minimumFractionDigits: 1) } МБ
       *[KB] { $size } КБ
    } — больше предела в { $maxUnit ->
        [MB] { NUMBER($max, minimumFractionDigits: 1) } МБ
       *[KB] { $max } КБ
    }
knowledge-unreadable = файл не читается ({ $code })
knowledge-no-sources = нет ни одного файла источника (*.json)
knowledge-no-revision = ни одной версии базы знаний ещё не сохранено
knowledge-json-syntax = ошибка JSON в строке { $line }, позиция { $column }: { $reason }
knowledge-json-end = ошибка JSON в строке { $line }, позиция { $column }: файл оборвался
knowledge-unknown-field = неизвестное поле «{ $field }»
knowledge-required = обязательное поле, а его нет
knowledge-wrong-type = должно быть { $expected ->
        [string] строкой
        [number] числом
        [int] целым числом
        [boolean] true или false
        [array] списком
        [object] объектом
       *[other] типа { $expected }
    }, а не { $got ->
        [null] null
        [array] списком
        [object] объектом
        [string] строкой { $value }
        [number] числом { $value }
       *[other] { $value }
    }
knowledge-too-long = должно быть не длиннее { $max } { $max ->
        [one] символа
       *[other] символов
    }
knowledge-too-many-questions = должно быть не больше { $max } { $max ->
        [one] вопроса
       *[other] вопросов
    }
knowledge-id-format = допустимы только латинские строчные буквы, цифры и дефис: [a-z0-9-]+
knowledge-real-date = должна быть настоящая дата ГГГГ-ММ-ДД
knowledge-fact-date = должна быть настоящая дата ГГГГ-ММ-ДД, месяц ГГГГ-ММ или год ГГГГ
knowledge-http-url = должен быть полный адрес http(s)
knowledge-not-empty = не может быть пустым
knowledge-no-cards = нужна хотя бы одна карточка
knowledge-synonym-group = в группе нужно не меньше двух слов
knowledge-invalid = неверное значение ({ $detail })
knowledge-unknown-partner = неизвестный партнёр «{ $partner }» (известны: { $known })
knowledge-id-not-file-name = «{ $id }» должен совпадать с именем файла «{ $expected }»
knowledge-duplicate-fact = id факта «{ $id }» повторяется (уже есть: { $earlier })
knowledge-duplicate-id = id «{ $id }» повторяется (уже есть: { $earlier })
knowledge-status-no-card = нет карточки с id «{ $card }»
knowledge-status-card-not-partner = карточка «{ $card }» не называет партнёра «{ $partner }» в своих partners
knowledge-already-published = источник с таким id уже опубликован (возможно, только что — другим администратором); ничего не перезаписано: измените id или правьте тот файл
knowledge-published-meanwhile = источник с таким id только что опубликовал кто-то другой; ничего не перезаписано
knowledge-warning-no-url = нет url: читатель не сможет проверить источник; добавьте адрес опубликованного текста
knowledge-warning-no-english = нет text_en: на вопросы по-английски эта карточка отвечает по-русски; добавьте английский текст
knowledge-warning-unlisted-partner = текст называет { $names }, но в partners нет { $ids }: добавьте { $count ->
        [1] его
       *[other] их
    } или перепишите текст, если карточка не о { $count ->
        [1] нём
       *[other] них
    }
knowledge-warning-date-year = дата «{ $date }», а в { $field } — { $year } год: исправьте то, что неверно
knowledge-warning-date-days = дата «{ $date }», а в { $field } — { $days }: исправьте то, что неверно
knowledge-warning-near-duplicate = похожа на «{ $id }» ({ $place }): общих основ слов { $percent }%. Если обе говорят об одном факте, оставьте карточку лучшего источника, а другую удалите; если нет — пусть каждая говорит то, что есть только в её источнике

## Ingest notes (/ingest and npm run ingest)
# Plain text; `backticks` mark what to type, shown as code in Telegram.

ingest-note-too-big = в статье { $kb } КБ, больше предела в { $max } КБ: присылайте по одной статье
ingest-note-no-fact = ни одно предложение статьи не сообщает факта: может быть, в ней только шапка или текст пуст?
ingest-note-bad-url = адрес «{ $url }» — не полный адрес http(s)
ingest-note-no-publisher = не указан издатель: добавьте в шапку статьи строку `publisher:`
ingest-note-no-date = не указана дата публикации: добавьте в шапку статьи строку `published: YYYY-MM-DD`
ingest-note-invalid-draft = черновик не проходит проверку (ошибка в ingest): { $place }: { $problem }
ingest-note-header-ignored = строка шапки { $line } пропущена: «{ $text }» (известные поля: { $fields })
ingest-note-not-a-date = «published: { $value }» — не дата (пишите YYYY-MM-DD)
ingest-note-no-headline = у статьи нет заголовка; заголовком взято её первое предложение «{ $title }»: напишите настоящий
ingest-note-no-partner = статья не называет ни одного партнёра из partners.json; у карточек нет партнёров
ingest-note-url-too-long = адрес длиннее { $max } { $max ->
        [one] символа
       *[other] символов
    } (больше источнику нельзя) и не записан
ingest-note-publisher-from-dateline = издатель «{ $publisher }» прочитан из строки «{ $dateline }» в начале текста
ingest-note-publisher-from-url = издатель «{ $publisher }» прочитан из адреса статьи
ingest-note-date-from-url = дата публикации { $date } прочитана из адреса статьи
ingest-note-value-cut = { $field ->
        [title] заголовок был длиннее
       *[publisher] имя издателя было длиннее
    } { $max } { $max ->
        [one] символа
       *[other] символов
    } и обрезан{ $field ->
        [title] {""}
       *[publisher] о
    }: проверьте
ingest-note-card-cut = { $card }: предложение было длиннее { $max } { $max ->
        [one] символа
       *[other] символов
    } и обрезано
# Why a sentence of the article gave no card.
ingest-dropped-question = вопрос
ingest-dropped-greeting = приветствие
ingest-dropped-attribution = только кто сказал, больше ничего
ingest-dropped-short = слишком коротко для факта
ingest-dropped-no-subject = нет ни партнёра, ни даты, ни числа, ни документа, ни предмета сотрудничества
