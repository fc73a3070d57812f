"""Plain word lists the entity rules read: countries, collectives, organisation and place heads,
person titles, months and weekdays. Data and lookups only, no rules.

Lists are small on purpose: what news about states and politics names most often. A country
missing here is simply not found as a state; it may still be found as a name.
"""

from __future__ import annotations

from dataclasses import dataclass

# name|ISO alpha-2|other names|demonyms (adjectives; the plural nouns name people, not the state)
_COUNTRIES = """\
Afghanistan|AF||Afghan
Albania|AL||Albanian
Algeria|DZ||Algerian
Argentina|AR||Argentine,Argentinian
Armenia|AM||Armenian
Australia|AU||Australian
Austria|AT||Austrian
Azerbaijan|AZ||Azerbaijani
Bahrain|BH||Bahraini
Bangladesh|BD||Bangladeshi
Belarus|BY||Belarusian
Belgium|BE||Belgian
Bolivia|BO||Bolivian
Bosnia and Herzegovina|BA|Bosnia|Bosnian
Brazil|BR||Brazilian
Bulgaria|BG||Bulgarian
Cambodia|KH||Cambodian
Cameroon|CM||Cameroonian
Canada|CA||Canadian
Chile|CL||Chilean
China|CN||Chinese
Colombia|CO||Colombian
Croatia|HR||Croatian
Cuba|CU||Cuban
Cyprus|CY||Cypriot
Czech Republic|CZ|Czechia|Czech
Denmark|DK||Danish
Ecuador|EC||Ecuadorian
Egypt|EG||Egyptian
El Salvador|SV||Salvadoran
Eritrea|ER||Eritrean
Estonia|EE||Estonian
Ethiopia|ET||Ethiopian
Finland|FI||Finnish
France|FR||French
Germany|DE||German
Ghana|GH||Ghanaian
Greece|GR||Greek
Guatemala|GT||Guatemalan
Haiti|HT||Haitian
Honduras|HN||Honduran
Hungary|HU||Hungarian
Iceland|IS||Icelandic
India|IN||Indian
Indonesia|ID||Indonesian
Iran|IR||Iranian
Iraq|IQ||Iraqi
Ireland|IE||Irish
Israel|IL||Israeli
Italy|IT||Italian
Japan|JP||Japanese
Jordan|JO||Jordanian
Kazakhstan|KZ||Kazakh
Kenya|KE||Kenyan
Kuwait|KW||Kuwaiti
Kyrgyzstan|KG||Kyrgyz
Laos|LA||Laotian
Latvia|LV||Latvian
Lebanon|LB||Lebanese
Libya|LY||Libyan
Lithuania|LT||Lithuanian
Malaysia|MY||Malaysian
Mali|ML||Malian
Mexico|MX||Mexican
Moldova|MD||Moldovan
Mongolia|MN||Mongolian
Morocco|MA||Moroccan
Myanmar|MM|Burma|Burmese
Nepal|NP||Nepali,Nepalese
Netherlands|NL|Holland|Dutch
New Zealand|NZ||
Nicaragua|NI||Nicaraguan
Niger|NE||Nigerien
Nigeria|NG||Nigerian
North Korea|KP||North Korean
Norway|NO||Norwegian
Oman|OM||Omani
Pakistan|PK||Pakistani
Palestine|PS||Palestinian
Panama|PA||Panamanian
Paraguay|PY||Paraguayan
Peru|PE||Peruvian
Philippines|PH||Philippine,Filipino
Poland|PL||Polish
Portugal|PT||Portuguese
Qatar|QA||Qatari
Romania|RO||Romanian
Russia|RU|Russian Federation|Russian
Rwanda|RW||Rwandan
Saudi Arabia|SA||Saudi
Senegal|SN||Senegalese
Serbia|RS||Serbian
Singapore|SG||Singaporean
Slovakia|SK||Slovak
Slovenia|SI||Slovenian
Somalia|SO||Somali
South Africa|ZA||South African
South Korea|KR||South Korean
South Sudan|SS||South Sudanese
Spain|ES||Spanish
Sri Lanka|LK||Sri Lankan
Sudan|SD||Sudanese
Sweden|SE||Swedish
Switzerland|CH||Swiss
Syria|SY||Syrian
Taiwan|TW||Taiwanese
Tajikistan|TJ||Tajik
Tanzania|TZ||Tanzanian
Thailand|TH||Thai
Tunisia|TN||Tunisian
Turkey|TR|Türkiye|Turkish
Turkmenistan|TM||Turkmen
Uganda|UG||Ugandan
Ukraine|UA||Ukrainian
United Arab Emirates|AE|UAE,U.A.E.|Emirati
United Kingdom|GB|Britain,Great Britain,U.K.,UK|British
United States|US|U.S.,U.S.A.,USA,America,United States of America|American
Uruguay|UY||Uruguayan
Uzbekistan|UZ||Uzbek
Venezuela|VE||Venezuelan
Vietnam|VN|Viet Nam|Vietnamese
Yemen|YE||Yemeni
Zambia|ZM||Zambian
Zimbabwe|ZW||Zimbabwean
"""


def word_set(text: str) -> frozenset[str]:
    """The words of a list written as one string, a space or line break apart."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


def _parse_countries() -> tuple[Country, ...]:
    rows = []
    for line in _COUNTRIES.splitlines():
        name, iso2, aliases, demonyms = line.split("|")
        rows.append(
            Country(
                name,
                iso2,
                tuple(filter(None, aliases.split(","))),
                tuple(filter(None, demonyms.split(","))),
            )
        )
    return tuple(rows)


COUNTRIES = _parse_countries()
#: every way a country is written as a noun ("Iran", "U.S.", "Britain") -> the country
COUNTRY_NAMES: dict[str, Country] = {}
#: adjectives naming a country ("Iranian", "Pakistani") -> the country
DEMONYMS: dict[str, Country] = {}
for _c in COUNTRIES:
    COUNTRY_NAMES[_c.name] = _c
    for _a in _c.aliases:
        COUNTRY_NAMES[_a] = _c
    for _d in _c.demonyms:
        DEMONYMS[_d] = _c
#: country names that are also common given or family names: a state only when no capitalised
#: word stands right before them ("Michael Jordan" is a person)
AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jordan", "Chad", "America"})


def country(word: str) -> Country | None:
    """The country a name or adjective names: ``country("Iranian").iso2 == "IR"``."""
    return COUNTRY_NAMES.get(word) or DEMONYMS.get(word)


#: unnamed pluralities credited with views ("analysts said")
COLLECTIVE_NOUNS = word_set(
    """
    analysts observers experts officials diplomats critics commentators economists scholars
    historians pundits insiders aides advisers advisors lawmakers legislators researchers sources
    authorities investigators prosecutors witnesses
    """
)

#: words that end (or head) an organisation's name: "the Wilson Center", "Ministry of Defense"
ORG_HEADS = word_set(
    """
    Institute Institution Center Centre University College Ministry Department Party Council
    Committee Commission Fund Bank Agency Foundation Corporation Corp Company Inc
    Association Organization Organisation Union Army Navy Court Office Bureau Service Times
    Post News Journal Network Front Movement League Alliance Coalition Society School
    Academy Board Authority Administration Police Guard Corps Parliament Assembly Cabinet
    Program Programme Project Trust Endowment Federation Group Forces Force Tribune Herald
    Gazette Magazine Press Reuters Caucus Club Chamber Conference Watch Initiative Lab
    Corp. Inc. Co. Electric Motors Mills Dynamics Airlines Partners Media Stores Markets
    Laboratory Hospital Church Council
    """
)

#: organisations known by a name with no head word
KNOWN_ORGS = word_set(
    """
    House Congress Senate Pentagon Kremlin Taliban NATO FBI CIA NSA IMF UN U.N. EU OPEC GOP
    DNC RNC CNN MSNBC NBC ABC CBS NPR PBS BBC AP Reuters Bloomberg Politico Breitbart
    Facebook Twitter Google Apple Microsoft Amazon Hezbollah Hamas PolitiFact Politifact NAACP
    ACLU NRA AFL-CIO Gallup Quinnipiac Rasmussen YouGov E.U. Times Post Forbes POLITICO
    BuzzFeed WikiLeaks
    """
) | frozenset(
    [
        "White House",
        "State Department",
        "Justice Department",
        "Supreme Court",
        "United Nations",
        "European Union",
        "World Bank",
        "Federal Reserve",
        "Fox News",
        "New York Times",
        "Washington Post",
        "Wall Street Journal",
        "Associated Press",
        "House of Representatives",
        "Security Council",
    ]
)

#: groups the text need not call armed for us to know they are
KNOWN_ARMED_GROUPS = frozenset(
    ["Islamic State", "ISIS", "ISIL", "al-Qaeda", "al Qaeda", "Al Qaeda", "Boko Haram", "al-Shabab"]
)

#: words that make a capitalised sequence a place or a thing ("Bastille Day"), not a person
PLACE_HEADS = word_set(
    """
    City County Province Region Island Islands River Valley Sea Ocean Street Square Avenue
    Airport Mountains Lake Bay Strait Gulf Peninsula District Hill Beach Park Road Bridge
    Highway Desert Coast Canal Day Week War Act Bill Law Cup Games Olympics Awards Prize
    Summit Tower Building Hall Convention Debate Primary Caucuses Amendment Republic
    Research Partnership Belt Room File Bowl Chemical Klan Matter Politics Agreement Plan
    Employees Show Report Times Side Harbor Curtain Eve Shoal Wing World Arena Museum
    """
)

#: regions, cities and US states: capitalised, often two words, never people
PLACES = word_set(
    """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio
    Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
    Wyoming Baluchistan Balochistan Europe Asia Africa Gaza Kashmir Crimea Beijing Moscow
    Tehran Islamabad Kabul London Paris Berlin Brussels Baghdad Damascus Jerusalem Chicago
    Boston Atlanta Miami Philadelphia Cleveland Detroit Denver Houston Dallas Seattle
    Manhattan Brooklyn Iowa Midwest
    """
) | frozenset(
    [
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
        "Middle East",
        "South Asia",
        "Central Asia",
        "East Asia",
        "Southeast Asia",
        "Latin America",
        "North America",
        "South America",
        "West Bank",
        "Persian Gulf",
        "Wall Street",
        "Capitol Hill",
        "Silicon Valley",
        "Los Angeles",
        "San Francisco",
        "Las Vegas",
        "Washington D.C.",
        "Washington, D.C.",
        "Hong Kong",
        "New Delhi",
        "Ho Chi Minh City",
    ]
)

#: US state abbreviations as papers write them ("(D-Va.)") -> the state
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
    "Iowa": "Iowa",
    "Ohio": "Ohio",
    "Texas": "Texas",
    "Utah": "Utah",
    "Maine": "Maine",
    "Alaska": "Alaska",
    "Hawaii": "Hawaii",
    "Idaho": "Idaho",
}
_POSTAL = """AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|
DE Delaware|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|
KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|
MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|
NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|
PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|
VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming"""
for _pair in _POSTAL.replace("\n", "").split("|"):
    _code, _state = _pair.split(" ", 1)
    US_STATE_ABBREVIATIONS.setdefault(_code, _state)
#: party letters in "(D-Va.)"
PARTY_LETTERS = {"D": "Democratic Party", "R": "Republican Party", "I": None}

#: titles written before a person's name, longest first so "Prime Minister" beats "Minister"
PERSON_TITLES = tuple(
    sorted(
        """President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|
        Defense Minister|Interior Minister|Finance Minister|Minister|Secretary of State|
        Defense Secretary|Secretary|Attorney General|Senator|Sen.|Sens.|Rep.|Reps.|Representative|
        Congressman|Congresswoman|Gov.|Governor|Lt. Gov.|Mayor|Speaker|Majority Leader|
        Minority Leader|Leader|Chief Justice|Justice|Judge|General|Gen.|Lt. Gen.|Maj. Gen.|
        Brig. Gen.|Admiral|Adm.|Col.|Lt.|Sgt.|Capt.|Maj.|Dr.|Prof.|Professor|Mr.|Mrs.|Ms.|Miss|
        Mr|Mrs|Ms|Dr|Rev.|Reverend|Pope|King|Queen|Prince|Princess|Sheikh|Ayatollah|
        Supreme Leader|Chair|Majority Whip|Minority Whip|Whip|Chairman|Chairwoman|Chancellor|Ambassador|Commissioner|Sheriff|Pastor|
        Bishop|Cardinal|Imam|Field Marshal|Marshal|Army Chief|Chief|Director|Former|President-elect|
        Vice President-elect|Gov.-elect|Lord|Lady|Dame|Sir|Detective|Officer|Agent|Coach|
        Crown Prince|Emir|Sultan|Premier|Deputy|Acting|Assistant|Senior|Attorney|
        Press Secretary|Spokesman|Spokeswoman""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)
PERSON_TITLES = tuple(t.strip() for t in PERSON_TITLES)
#: words that describe a person before a name without being part of it ("Republican Donald Trump")
NAME_DESCRIPTORS = word_set(
    """
    Republican Republicans Democrat Democrats Democratic Independent Independents
    Libertarian
    """
)
#: parties those descriptors name
PARTIES = {
    "Republican": "Republican Party",
    "Republicans": "Republican Party",
    "Democrats": "Democratic Party",
    "GOP": "Republican Party",
    "Democrat": "Democratic Party",
    "Democratic": "Democratic Party",
    "Libertarian": "Libertarian Party",
}

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan."),
            ("February", "Feb."),
            ("March", "Mar."),
            ("April", "Apr."),
            ("May",),
            ("June", "Jun."),
            ("July", "Jul."),
            ("August", "Aug."),
            ("September", "Sept.", "Sep."),
            ("October", "Oct."),
            ("November", "Nov."),
            ("December", "Dec."),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    )
}

#: capitalised words that begin sentences or stand in headlines and are never part of a name
STOPWORDS = word_set(
    """
    A An The This That These Those It Its He She They We I You His Her Their Our My Your Him
    Them Us In On At For But And Or Nor If When While As After Before Since Until Still Now
    Then So Yet Also However Though Although Even Because Despite During From To Of By With
    Without Into Over Under About Against Between Among Through Across Here There Where What
    Which Who Whom Whose Why How All Some Many Most Much More Few Several Both Each Every
    Any No Not Only Just Like Unlike Once Twice Already Meanwhile Instead Indeed Perhaps
    Maybe Yes Let Please Thank Thanks Is Are Was Were Be Been Has Have Had Do Does Did Will
    Would Can Could Should May Might Must Shall One Two Three Four Five Six Seven Eight Nine
    Ten First Second Third Last Next Another Other New Mr Mrs Ms Dr Sir OK Okay Oh Well
    Today Tomorrow Yesterday Tonight Said Says Asked Told According Earlier Later Months
    Weeks Years Days Such Our Top Breaking Update Read Related Advertisement Photo
    Video Editor Note Plus Presidential Vice Sources Source Follow Click Share Subscribe
    Contact Sign
    """
)

#: capitalised words that open names of things, not of people ("Social Security", "Black Lives
#: Matter", "Billionaire Donald Trump"): a person's name never starts with one
COMMON_FIRST_WORDS = word_set(
    """
    Social Planned Black Great African Western Middle National Free Real Daily Good Super
    Stop Business Night Eastern Northern Southern Central Conservative Liberal
    Progressive Star Clean Joint Team Civil Homeland Human Economic Late Gold Common Crooked
    Executive Never Celebrity Native Muslim Asian Hispanic Latino Christian Jewish Catholic
    Evangelical Little Big Old Young Grand Supreme Federal United Open Fair Affordable Green
    Red Blue White Golden Royal Holy Tea Main Silicon Capitol Union Candidates Senators
    Governors State Foreign Domestic Public Private Civic Constitutional Presidential
    Congressional Electoral Political Military Global International Islamic Arab Muslims
    Christians Americans Voters Dear Happy Merry Breaking Exclusive Live Fact Check
    Poll Polls Election Campaign Debate Primary Service Trade Power Rust Morning Situation
    Edison
    """
)
#: nouns that describe a person right before the name ("Billionaire Donald Trump")
PERSON_DESCRIPTORS = word_set(
    """
    Billionaire Rival Candidate Nominee Frontrunner Businessman Businesswoman Activist Host
    Anchor Author Comedian Actor Actress Singer Rapper Reporter Columnist Commentator
    Analyst Pollster Strategist Adviser Advisor Aide Spokesman Spokeswoman
    """
)
#: place names begin with these ("San Diego", "St. Louis", "Fort Hood")
PLACE_FIRST_WORDS = word_set(
    """
    San Santa Los Las Des St. Fort Lake Mount Port Cape Puerto Tel
    """
)
