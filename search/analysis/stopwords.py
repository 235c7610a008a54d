"""Stop words: the words of a search that never tell one social service from another.

Residents type whole sentences into the search box: “je n’arrive pas à payer mon loyer”,
“where can I find help with my rent”, “ich brauche eine Wohnung”. Only a few of those words
say what they need (payer, loyer; help, rent; Wohnung); the rest — articles, pronouns,
prepositions, conjunctions, the forms of be/have/can/want/do, question words, negation,
quantity words, greetings and thanks, “I am looking for”, “I need” — appear in every kind
of request and in the text of every service. Left in a question, they match everything
and outweigh the content words; left out, the question above is matched on “arrive payer
loyer”.

One list per site language, by language code. The words are written as residents type
them, lowercase, with and without accents (“où” and “ou”, “à” and “a”, “fuer” for “für”),
and include the pieces left when a word is split at its apostrophe (French “j”, “qu”,
“jusqu”, Italian “dell”, “quest”, English “don”, “didn”). Arabic lists whole words only:
attached prefixes (و، ف، ب، ل، ال) are the analyser's business.

A wrong stop word silently makes services unfindable, so the lists keep every word that
names a need, even a weak one (aide, help, Hilfe), and leave out function words that are
also content words, or that become one once folded (``normalise.fold``): not French
“sans” (sans papiers, sans rendez-vous), “car” (a coach), “été” (summer), “personne”; not
English “it” (IT courses), “will” (a last will), “may”, “under”/“over” (under 25, over 65);
not the plural “needs”/“besoins” (special needs, besoins particuliers), only the singular
of “I need”; not Turkish “şu” or “ise”, which fold to “su” (water) and “işe” (to work);
not Ukrainian “мати” (also: mother) or Russian “есть” (also: to eat); not “without” in
any language; not the words for day, time, mother or money (Albanian “para”).

The French list is also checked against the other languages, since residents mix French
into their own (“житло CAF”): so not French “ai” (the AI, invalidity insurance, in every
language: “AI pension”, “office AI”), “son” (English: son), “es” (Turkish “eş”: spouse)
or “ici” (Turkish “içi”: “aile içi şiddet”).
"""

# fmt: off
STOP_WORDS = {
    "fr": frozenset({
        # Articles and contractions
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux",
        # Personal and reflexive pronouns, with the elided forms
        "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m",
        "te", "t", "se", "s", "moi", "toi", "lui", "leur", "eux", "y", "en",
        # Possessives (not "son": English "son")
        "mon", "ma", "mes", "ton", "ta", "tes", "sa", "ses", "notre", "nos",
        "votre", "vos", "leurs",
        # Demonstratives
        "ce", "c", "ça", "ca", "cela", "ceci", "cet", "cette", "ces", "celui", "celle",
        "ceux", "celles",
        # Relatives
        "qui", "que", "qu", "dont", "lequel", "laquelle", "lesquels",
        # Prepositions
        "à", "a", "dans", "par", "pour", "sur", "avec", "chez", "vers", "entre", "pendant",
        "depuis", "jusqu",
        # Conjunctions
        "et", "ou", "mais", "donc", "ni", "si", "comme", "quand", "parce", "puisque",
        "puisqu", "lorsque", "lorsqu", "alors",
        # Question words
        "où", "comment", "pourquoi", "combien", "quoi", "quel", "quelle", "quels", "quelles",
        # Negation
        "ne", "n", "pas", "non", "jamais", "rien", "aucun", "aucune",
        # Quantity and degree
        "très", "tres", "trop", "beaucoup", "peu", "assez", "plus", "moins", "tout", "tous",
        "toute", "toutes", "quelque", "quelques", "quelqu", "chaque", "aussi", "encore",
        "déjà", "deja", "même", "meme",
        # Être, avoir, pouvoir, vouloir, devoir, falloir, faire (not "ai": AI; "es": Turkish eş)
        "être", "etre", "suis", "est", "sommes", "êtes", "etes", "sont", "était",
        "etait", "étais", "etais", "avoir", "as", "avons", "avez", "ont", "avais",
        "avait", "pouvoir", "peux", "peut", "pouvons", "pouvez", "peuvent", "pourrais",
        "pourrait", "vouloir", "veux", "veut", "voulons", "voulez", "veulent", "voudrais",
        "voudrait", "aimerais", "dois", "doit", "devons", "devez", "faut", "faire", "fais",
        "fait", "faites",
        # Asking for something: "je cherche", "j'ai besoin" (not "besoins": besoins particuliers)
        "chercher", "cherche", "cherchons", "cherchez", "besoin",
        # "il y a", typed "ya"
        "ya",
        # Greetings and politeness: "s'il vous plaît"
        "bonjour", "bonsoir", "salut", "merci", "svp", "stp", "plaît", "plait",
        # Short answers and pointers (not "ici": Turkish "içi")
        "oui", "là",
    }),
    "en": frozenset({
        # Articles
        "a", "an", "the",
        # Personal and possessive pronouns ("it" is left out: IT courses, IT support)
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your",
        "yours", "he", "him", "his", "she", "her", "hers", "its", "they", "them", "their",
        "theirs",
        # Demonstratives and relatives
        "this", "that", "these", "those", "who", "whom", "whose", "which",
        # Question words
        "what", "where", "when", "why", "how",
        # Prepositions
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "as",
        "than",
        # Conjunctions
        "and", "or", "but", "so", "if", "because", "then",
        # Be, have, do, modals ("will" and "may" are left out: a last will, May)
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "can", "cannot", "could", "would",
        "should", "must", "might", "shall",
        # Asking for something ("needs" is kept: special needs)
        "need", "want", "wanted", "like", "looking", "searching", "get", "getting", "got",
        # Contractions split on the apostrophe, and typed without it
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn",
        "couldn", "wouldn", "shouldn", "t", "s", "m", "re", "ve", "ll", "d", "dont",
        "cant", "im", "ive",
        # Negation
        "no", "not", "never",
        # Quantity and degree
        "very", "really", "just", "more", "most", "some", "any", "much", "many", "lot",
        "lots", "all", "also", "too",
        # Vague words
        "someone", "somebody", "something", "somewhere", "anyone", "anything", "there",
        "here",
        # Greetings and politeness
        "please", "pls", "plz", "hi", "hello", "hey", "thanks", "thank", "yes", "ok",
    }),
    "de": frozenset({
        # Articles
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
        "eines",
        # Personal and possessive pronouns
        "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "du", "dich",
        "dir", "dein", "deine", "er", "ihn", "ihm", "sein", "seine", "seinen", "sie", "ihr",
        "ihre", "ihren", "ihrem", "es", "wir", "uns", "unser", "unsere", "euch", "euer",
        "ihnen", "man",
        # Demonstratives and relatives
        "dieser", "diese", "dieses", "diesen", "welche", "welcher", "welches",
        # Question words
        "wer", "wen", "wem", "was", "wie", "wo", "woher", "wohin", "wann", "warum", "wieso",
        "weshalb", "wieviel",
        # Prepositions and their contractions
        "in", "im", "ins", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von",
        "vom", "zu", "zum", "zur", "für", "fuer", "um", "durch",
        # Conjunctions
        "und", "oder", "aber", "denn", "weil", "dass", "daß", "ob", "wenn", "als",
        # Negation
        "nicht", "nichts", "kein", "keine", "keinen", "keiner", "nein",
        # Quantity and degree
        "sehr", "mehr", "viel", "viele", "etwas", "einige", "alle", "alles", "auch", "noch",
        "schon", "nur", "so", "dann", "da", "hier", "dort",
        # Sein, haben, werden, modals
        "bin", "bist", "ist", "sind", "seid", "war", "waren", "habe", "hab", "hast", "hat",
        "haben", "habt", "hatte", "werde", "wird", "werden", "würde", "wuerde", "kann",
        "kannst", "können", "koennen", "könnte", "koennte", "muss", "muß", "musst",
        "müssen", "muessen", "will", "willst", "wollen", "möchte", "moechte", "möchten",
        "moechten", "gibt",
        # Asking for something: "ich brauche", "ich suche", "was kann ich machen"
        "brauche", "brauchst", "braucht", "brauchen", "suche", "suchen", "mache", "machen",
        "tun",
        # Greetings and politeness (Swiss German residents type "grüezi", "merci")
        "bitte", "danke", "merci", "hallo", "grüezi", "gruezi", "guten", "ja",
    }),
    "it": frozenset({
        # Articles and articulated prepositions, with the elided forms ("ai" is left out: AI)
        "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "del", "dello",
        "della", "dei", "degli", "delle", "dell", "a", "al", "allo", "alla", "agli",
        "alle", "all", "da", "dal", "dalla", "dai", "dalle", "dall", "in", "nel", "nello",
        "nella", "nei", "negli", "nelle", "nell", "su", "sul", "sulla", "sui", "sulle",
        "sull", "con", "per", "tra", "fra",
        # Personal pronouns (also elided: "c'è", "m'ha", "t'ho", "s'è")
        "io", "tu", "lui", "lei", "noi", "voi", "loro", "mi", "ti", "si", "ci", "vi", "ne",
        "me", "te", "se", "ce", "c", "m", "t", "s",
        # Possessives
        "mio", "mia", "miei", "mie", "tuo", "tua", "suo", "sua", "nostro", "nostra",
        "vostro", "vostra",
        # Demonstratives and relatives
        "questo", "questa", "questi", "queste", "quest", "quello", "quella", "quelli",
        "quell", "che", "chi", "cui",
        # Question words ("com'è", "dov'è", "cos'è", "qual è")
        "come", "com", "dove", "dov", "cosa", "cos", "quando", "perché", "perche", "quale",
        "quali", "qual", "quanto", "quanti",
        # Conjunctions
        "e", "ed", "o", "oppure", "ma", "anche", "anch",
        # Negation
        "non", "né",
        # Quantity and degree ("un po'")
        "più", "piu", "molto", "poco", "po", "troppo", "tutto", "tutti",
        # Essere, avere, potere, volere, dovere, fare
        "è", "sono", "sei", "siamo", "siete", "era", "essere", "ho", "hai", "ha", "abbiamo",
        "avete", "hanno", "avere", "posso", "puoi", "può", "puo", "possiamo", "voglio",
        "vuole", "vorrei", "volere", "devo", "deve", "fare", "faccio", "fa",
        # Asking for something: "ho bisogno", "cerco"
        "bisogno", "cerco", "cercare", "cerchiamo",
        # Greetings and politeness: "per favore"
        "ciao", "buongiorno", "buonasera", "salve", "grazie", "favore", "prego", "sì",
    }),
    "pt": frozenset({
        # Articles and contractions
        "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das",
        "em", "no", "na", "nos", "nas", "num", "numa", "ao", "aos", "à", "às", "pelo",
        "pela", "pelos", "pelas",
        # Prepositions
        "por", "para", "pra", "com",
        # Personal pronouns
        "eu", "tu", "você", "voce", "vocês", "voces", "ele", "ela", "nós", "eles", "elas",
        "me", "te", "se", "lhe", "lhes", "mim",
        # Possessives
        "meu", "minha", "meus", "minhas", "teu", "tua", "seu", "sua", "seus", "suas",
        "nosso", "nossa",
        # Demonstratives and relatives
        "este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "isto", "isso",
        "aquele", "aquela", "aquilo", "que",
        # Question words
        "quê", "quem", "qual", "quais", "como", "onde", "quando", "porque", "porquê",
        "quanto",
        # Conjunctions
        "e", "ou", "mas", "também", "tambem",
        # Negation
        "não", "nao", "nem",
        # Quantity and degree
        "muito", "muita", "mais", "pouco", "tudo", "todo", "toda", "todos", "já", "ja",
        # Ser, estar, ter, haver, poder, querer, fazer
        "é", "sou", "somos", "são", "sao", "está", "estou", "estamos", "estão", "estao",
        "era", "foi", "ser", "estar", "tenho", "tem", "temos", "têm", "ter", "tinha", "há",
        "ha", "posso", "pode", "podem", "poder", "consigo", "quero", "queria", "quer",
        "fazer", "faço", "faco",
        # Asking for something: "preciso de", "procuro"
        "preciso", "precisa", "precisamos", "precisar", "necessito", "procuro", "procurar",
        "procurando",
        # Greetings and politeness: "por favor"
        "olá", "ola", "obrigado", "obrigada", "favor", "sim", "aqui",
    }),
    "es": frozenset({
        # Articles and contractions
        "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "a", "al",
        # Prepositions
        "en", "con", "por", "para", "desde", "entre",
        # Personal pronouns
        "yo", "tú", "tu", "usted", "ustedes", "él", "ella", "ellos", "ellas", "nosotros",
        "nosotras", "vosotros", "me", "te", "se", "nos", "le", "les", "mí", "mi",
        # Possessives
        "mis", "tus", "su", "sus", "nuestro", "nuestra",
        # Demonstratives and relatives
        "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "esto", "eso",
        "que", "quien", "quienes", "cual", "cuales",
        # Question words
        "qué", "quién", "cuál", "como", "cómo", "donde", "dónde", "cuando", "cuándo",
        "cuanto", "cuánto", "porque", "porqué",
        # Conjunctions
        "y", "e", "o", "u", "pero", "si", "también", "tambien",
        # Negation
        "no", "ni", "nunca",
        # Quantity and degree
        "muy", "más", "mas", "mucho", "mucha", "muchos", "poco", "todo", "todos", "ya",
        # Ser, estar, tener, haber, poder, querer, hacer
        "es", "soy", "eres", "somos", "son", "está", "estoy", "estamos", "están", "era",
        "fue", "ser", "estar", "tengo", "tiene", "tenemos", "tienen", "tener", "hay", "he",
        "ha", "puedo", "puede", "podemos", "pueden", "poder", "consigo", "quiero",
        "quisiera", "queremos", "querer", "hago", "hacer",
        # Asking for something: "necesito", "busco"
        "necesito", "necesita", "necesitamos", "necesitar", "busco", "buscar", "buscando",
        # Greetings and politeness: "por favor"
        "hola", "gracias", "favor", "buenos", "buenas", "sí", "aquí", "aqui",
    }),
    "ar": frozenset({
        # Prepositions
        "في", "من", "على", "إلى", "الى", "عن", "مع", "عند", "منذ", "حتى", "مثل",
        # Personal pronouns, standard and dialect
        "أنا", "انا", "أنت", "انت", "انتي", "هو", "هي", "نحن", "احنا", "إحنا", "أنتم",
        "انتم", "هم",
        # Pronouns attached to a preposition, written as a word
        "لي", "لك", "له", "لها", "لنا", "لهم", "فيه", "فيها", "عندي", "عندنا", "لدي",
        "لدينا", "عليكم",
        # Demonstratives
        "هذا", "هذه", "هذي", "ذلك", "تلك", "هؤلاء", "هنا", "هناك",
        # Relatives
        "الذي", "التي", "الذين", "اللي", "الي",
        # Question words, standard and dialect
        "هل", "كيف", "أين", "اين", "ماذا", "متى", "لماذا", "كم", "أي", "اي", "شو", "ايش",
        "وين", "ليش", "فين", "إزاي", "ازاي", "ايه",
        # Conjunctions and particles
        "أو", "او", "ثم", "لكن", "بس", "إذا", "اذا", "لو", "لأن", "لان", "أن", "إن", "ان",
        "أنه", "انه", "إنه", "قد", "لقد", "كما", "يا",
        # Negation
        "لا", "ما", "لم", "لن", "ليس", "ليست", "مش", "مو",
        # Quantity and degree
        "كل", "بعض", "جدا", "كثير", "كثيرا", "أكثر", "اكثر", "فقط", "أيضا", "ايضا", "كمان",
        # Be, there is, can
        "كان", "كانت", "يكون", "يوجد", "ممكن", "يمكن", "يمكنني", "أستطيع", "استطيع",
        "أقدر", "اقدر",
        # Asking for something: "I want", "I need", "I am looking for"
        "أريد", "اريد", "أود", "اود", "بدي", "عايز", "عاوز", "أبغى", "ابغى", "أحتاج",
        "احتاج", "نحتاج", "أبحث", "ابحث",
        # Greetings and politeness: "من فضلك", "لو سمحت"
        "مرحبا", "أهلا", "اهلا", "شكرا", "فضلك", "سمحت",
    }),
    "sq": frozenset({
        # Articles and particles ("s'kam", "t'i" split at the apostrophe)
        "të", "te", "e", "i", "u", "një", "nje", "t", "s", "do", "po",
        # Prepositions
        "në", "ne", "për", "per", "me", "nga", "tek",
        # Conjunctions
        "dhe", "edhe", "ose", "apo", "por", "që", "qe", "se", "nëse", "nese", "sepse",
        # Personal pronouns ("ai" is left out: AI, the invalidity insurance)
        "unë", "une", "ti", "ajo", "ju", "ata", "ato", "mua", "ty", "atë", "ate",
        "atij", "asaj", "tij", "saj", "tyre", "më",
        # Possessives
        "im", "ime", "imi", "ynë", "yne", "jonë", "jone", "juaj",
        # Demonstratives
        "ky", "kjo", "këta", "keta", "këto", "keto", "këtu", "ketu", "atje",
        # Question words
        "si", "ku", "kur", "kush", "kë", "çfarë", "cfare", "çka", "cka", "pse", "sa",
        "cili", "cila", "cilat",
        # Negation
        "nuk", "mos", "jo",
        # Quantity and degree
        "shumë", "shume", "pak",
        # Jam, kam, mund, dua, duhet, bëj
        "jam", "je", "është", "eshte", "jemi", "jeni", "janë", "jane", "ishte", "kam",
        "ke", "ka", "kemi", "keni", "kanë", "kane", "mund", "dua", "duam", "duhet", "bëj",
        "bej",
        # Asking for something: "kërkoj", "kam nevojë"
        "kërkoj", "kerkoj", "nevojë", "nevoje",
        # Greetings and politeness: "ju lutem"
        "lutem", "faleminderit", "flm", "përshëndetje", "pershendetje", "tung",
        "mirëdita", "miredita",
    }),
    "uk": frozenset({
        # Personal pronouns
        "я", "мене", "мені", "мною", "ти", "тебе", "тобі", "він", "його", "йому", "вона",
        "її", "воно", "ми", "нас", "нам", "ви", "вас", "вам", "вони", "їх", "їм", "себе",
        # Possessives
        "мій", "моя", "моє", "мої", "мого", "моєї", "твій", "твоя", "твоє", "твої", "наш",
        "наша", "наше", "наші", "ваш", "ваша", "ваше", "ваші", "свій", "своя", "своє",
        "свої", "свого",
        # Demonstratives and relatives
        "це", "цей", "ця", "ці", "цього", "цієї", "той", "те", "ті", "того", "то", "що",
        "який", "яка", "яке", "які", "якого",
        # Question words
        "де", "як", "коли", "хто", "чому", "навіщо", "скільки", "куди", "звідки", "чи",
        # Conjunctions
        "і", "й", "та", "а", "але", "або", "бо", "тому", "якщо", "щоб",
        # Prepositions
        "в", "у", "на", "з", "із", "зі", "до", "від", "для", "про", "по", "за", "під",
        "над", "між", "при", "через",
        # Negation
        "не", "ні", "немає", "нема",
        # Quantity and degree
        "дуже", "більше", "трохи", "також", "теж", "ще", "вже", "тільки", "лише", "все",
        "всі", "весь", "усі",
        # Бути, мати, могти, хотіти, робити ("мати" is left out: it is also "mother")
        "є", "був", "була", "було", "були", "буде", "бути", "маю", "має", "маємо", "мають",
        "можу", "може", "можна", "можете", "хочу", "хоче", "хочемо", "робити", "зробити",
        # Asking for something: "потрібна допомога", "шукаю"
        "треба", "потрібно", "потрібен", "потрібна", "потрібні", "шукаю", "шукати",
        # Particles
        "так", "ось", "тут", "там", "ж", "же", "би",
        # Greetings and politeness: "будь ласка"
        "будь", "ласка", "дякую", "привіт", "вітаю", "добрий", "доброго",
        # Russian words Ukrainians also type ("есть" is left out: it is also "to eat")
        "что", "как", "где", "когда", "кто", "почему", "мне", "меня", "мой", "и", "с", "к",
        "о", "от", "это", "или", "но", "нужно", "надо", "можно", "очень",
        "пожалуйста", "спасибо", "здравствуйте",
    }),
    "tr": frozenset({
        # Article and conjunctions ("ise" is left out: folded, it is "işe", to work)
        "bir", "ve", "veya", "ya", "ile", "ama", "fakat", "ancak", "çünkü", "cunku", "eğer",
        "eger", "ki", "da", "de", "hem", "diye", "yani",
        # Postpositions
        "için", "icin", "gibi", "kadar",
        # Personal pronouns
        "ben", "sen", "o", "biz", "siz", "onlar", "beni", "bana", "sana", "ona", "bize",
        "size", "onu",
        # Possessives
        "benim", "senin", "onun", "bizim", "sizin", "onların", "onlarin",
        # Demonstratives ("şu" is left out: folded, it is "su", water)
        "bu", "bunu", "böyle", "boyle", "öyle", "oyle", "burada", "orada",
        # Question words and particles
        "ne", "neler", "nasıl", "nasil", "nerede", "nerde", "nereye", "nereden", "neden",
        "niye", "niçin", "nicin", "kim", "kime", "hangi", "kaç", "kac", "mi", "mı", "mu",
        "mü", "misin", "misiniz", "miyim", "mıyım",
        # Negation and existence
        "var", "yok", "değil", "degil",
        # Quantity and degree
        "çok", "cok", "daha", "en", "her", "hiç", "hic", "bazı", "bazi", "tüm", "tum",
        "bütün", "butun", "şey", "sey", "bile", "sadece",
        # Olmak, yapmak
        "olmak", "olan", "olarak", "yapmak",
        # Asking for something: "istiyorum", "ihtiyacım var", "lazım", "arıyorum"
        "istiyorum", "isterim", "ihtiyacım", "ihtiyacim", "ihtiyaç", "ihtiyac", "lazım",
        "lazim", "gerek", "gerekiyor", "arıyorum", "ariyorum",
        # Greetings and politeness
        "merhaba", "selam", "lütfen", "lutfen", "teşekkürler", "tesekkurler", "teşekkür",
        "tesekkur", "evet",
    }),
    "ta": frozenset({
        # Personal pronouns
        "நான்", "நாங்கள்", "நாம்", "நீ", "நீங்கள்", "அவர்", "அவன்", "அவள்", "அவர்கள்",
        "அது", "இது", "அவை", "இவை", "என்னை", "எனக்கு", "என்னால்", "உனக்கு",
        "உங்களுக்கு", "எங்களுக்கு", "அவருக்கு", "இதை", "அதை",
        # Possessives
        "என்", "எனது", "என்னுடைய", "எங்கள்", "நம்", "நமது", "உன்", "உங்கள்",
        # Demonstratives and article
        "இந்த", "அந்த", "ஒரு", "இங்கே", "அங்கே",
        # Question words
        "எப்படி", "எங்கே", "எங்கு", "என்ன", "எப்போது", "யார்", "ஏன்", "எது", "எந்த",
        "எவ்வளவு",
        # Conjunctions and postpositions
        "மற்றும்", "அல்லது", "ஆனால்", "ஏனென்றால்", "ஏனெனில்", "என்றால்", "அதனால்",
        "எனவே", "என்று", "பற்றி", "இருந்து", "உடன்", "போது", "கூட", "தான்", "மேலும்",
        # Negation
        "இல்லை", "அல்ல", "வேண்டாம்", "முடியாது",
        # Quantity and degree
        "மிகவும்", "ரொம்ப", "கொஞ்சம்", "நிறைய", "அதிகம்", "எல்லா", "எல்லாம்", "சில",
        # Be, there is, can, must, do
        "உள்ளது", "உள்ளன", "இருக்கிறது", "இருக்கு", "இருக்கிறேன்", "ஆகும்", "முடியும்",
        "வேண்டும்", "செய்ய",
        # Asking for something: "தேவை" (not "தேவைகள்": சிறப்புத் தேவைகள்), "தேடுகிறேன்"
        "தேவை", "தேடுகிறேன்",
        # Greetings and politeness
        "வணக்கம்", "நன்றி", "தயவு", "தயவுசெய்து", "ஆம்", "சரி",
    }),
    "ti": frozenset({
        # Personal pronouns
        "ኣነ", "ንስኻ", "ንስኺ", "ንሱ", "ንሳ", "ንሕና", "ንስኻትኩም", "ንስኻትክን", "ንሳቶም",
        "ንሳተን", "ንሶም", "ንዓይ", "ንዓኻ", "ንዓኺ", "ንዕኡ", "ንዕኣ", "ንዓና", "ንዓኹም",
        # Possessives
        "ናተይ", "ናትካ", "ናትኪ", "ናቱ", "ናታ", "ናትና", "ናትኩም", "ናቶም",
        # Demonstratives and articles
        "እዚ", "እዛ", "እዚኣ", "እዞም", "እዘን", "እዚኦም", "እቲ", "እታ", "እቶም", "እተን",
        "ኣብዚ", "ኣብኡ",
        # Prepositions
        "ኣብ", "ካብ", "ናብ", "ምስ", "ብዛዕባ", "ከም", "ክሳብ",
        # Conjunctions
        "ድማ", "ግን", "ወይ", "ወይስ", "ከኣ", "እውን", "እሞ", "ምኽንያቱ", "እንተ",
        # Question words and the question particle
        "ከመይ", "ኣበይ", "እንታይ", "መን", "መዓስ", "ስለምንታይ", "ንምንታይ", "ክንደይ", "ኣየናይ",
        "ዶ",
        # Negation
        "ኣይ", "የለን", "ኣይኮነን", "ኣይፋል",
        # Quantity and degree
        "ብዙሕ", "ኩሉ", "ኩሎም", "ገለ", "ዝያዳ", "ኣዝዩ", "ጥራይ",
        # Be, there is, can, do
        "እየ", "ኢኻ", "ኢኺ", "እዩ", "እያ", "ኢና", "ኢኹም", "እዮም", "እየን", "ኣለኹ", "ኣሎ",
        "ኣላ", "ኣለና", "ኣለዉ", "ነይሩ", "ይኽእል", "ክገብር",
        # Asking for something: "I want", "I need"
        "እደሊ", "ይደሊ", "ደልየ", "የድልየኒ",
        # Greetings and politeness
        "ሰላም", "በጃኻ", "በጃኺ", "በጃኹም", "የቐንየለይ", "የቐንየልና", "እወ", "እሺ",
    }),
}
# fmt: on
