"""Small word lists the attribution rules need: titles, pronouns, collective and official
nouns, organisation words, and the countries and demonyms of the news this was tuned on.

Deliberately short: the entity step keeps the fuller gazetteer, and the two are to be unified.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(w.replace("_", " ") for w in words.lower().split())


TITLES = _set(
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. capt "
    "capt. sgt sgt. prof prof. rev rev. president vice prime minister secretary senator "
    "representative governor mayor commissioner judge justice chairman chairwoman chair "
    "director chief general ambassador spokesman spokeswoman spokesperson sheriff attorney "
    "former then acting deputy foreign defense defence state interior finance premier king "
    "queen prince pope candidate nominee speaker leader majority minority house senate "
    "democratic republican gop u.s. us press council executive officer ceo founder professor "
    "pastor bishop coach detective officer sergeant lieutenant colonel captain admiral"
)
#: roles that name one person when "the" goes before them: "the mayor", "the senator"
ROLES = _set(
    "mayor senator governor president commissioner judge chairman chairwoman director "
    "minister secretary ambassador sheriff candidate nominee congressman congresswoman "
    "lawmaker ceo founder professor author writer reporter businessman billionaire "
    "frontrunner front-runner host anchor economist analyst researcher pollster strategist "
    "lawyer attorney leader chief king queen pope coach woman man delegate voter resident "
    "supporter member worker student veteran activist organizer organiser volunteer donor "
    "manager chairman chairwoman adviser advisor aide spokesman spokeswoman governor "
    "representative congressman senator friend mother father wife husband son daughter "
    "brother sister owner operator official expert scholar historian professor teacher "
    "doctor nurse officer agent detective prosecutor judge editor columnist commentator "
    "host narrator caller protester protestor attendee participant candidate nominee"
)
PERSON_PRONOUNS = _set("he she him her his i me")
PLURAL_PRONOUNS = _set("they them their we us our")
THING_PRONOUNS = _set("it its")
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | _set("who which you")

#: unnamed pluralities credited with a view
COLLECTIVE = _set(
    "analysts observers experts critics economists scholars commentators pundits many some "
    "others residents voters supporters opponents people democrats republicans conservatives "
    "liberals activists advocates researchers historians strategists pollsters investors "
    "observers diplomats insiders skeptics sceptics detractors fans members locals citizens "
    "americans witnesses scientists doctors lawyers traders economists polls surveys percent "
    "majority respondents protesters protestors demonstrators marchers rioters students "
    "workers employees parents families teachers nurses veterans immigrants refugees "
    "delegates donors organizers organisers attendees"
)
#: unnamed officials and sources: plural nouns give a collective, singular an anonymous one
OFFICIAL = _set(
    "official officials source sources aide aides spokesman spokeswoman spokesperson "
    "adviser advisers advisor advisors insider staffer staffers officer officers "
    "authorities person diplomat operative operatives representative representatives "
    "lawmakers lawmaker members member"
)
#: nouns that make a phrase an organisation: "the ministry", "the Wilson Center"
ORG_WORDS = _set(
    "ministry department office agency party committee council institute university times "
    "post news journal campaign bank fund army military police court commission association "
    "foundation center centre group corp inc co company government administration congress "
    "senate house pentagon kremlin report study poll survey statement paper newspaper "
    "magazine network channel tribune herald gazette guardian telegraph reuters ap press "
    "cnn nbc abc cbs msnbc fox politico breitbart bloomberg axios npr bbc fbi cia nsa "
    "un nato imf eu organization organisation union federation league board authority "
    "service services club caucus coalition alliance movement team parliament cabinet "
    "white_house state_department justice_department supreme_court the_post the_times "
    "website site blog review daily weekly media outlet firm corporation"
)
#: countries and their adjectives, mapped to the country's name
_COUNTRIES = """
Afghanistan:Afghan Algeria:Algerian Argentina:Argentine Australia:Australian Austria:Austrian
Bahrain:Bahraini Bangladesh:Bangladeshi Belgium:Belgian Brazil:Brazilian Britain:British
Canada:Canadian Chile:Chilean China:Chinese Colombia:Colombian Cuba:Cuban Denmark:Danish
Egypt:Egyptian Ethiopia:Ethiopian France:French Germany:German Greece:Greek India:Indian
Indonesia:Indonesian Iran:Iranian Iraq:Iraqi Ireland:Irish Israel:Israeli Italy:Italian
Japan:Japanese Jordan:Jordanian Kenya:Kenyan Kuwait:Kuwaiti Lebanon:Lebanese Libya:Libyan
Malaysia:Malaysian Mexico:Mexican Morocco:Moroccan Netherlands:Dutch Nigeria:Nigerian
Norway:Norwegian Oman:Omani Pakistan:Pakistani Palestine:Palestinian Philippines:Filipino
Poland:Polish Portugal:Portuguese Qatar:Qatari Russia:Russian Saudi_Arabia:Saudi
Somalia:Somali Spain:Spanish Sudan:Sudanese Sweden:Swedish Switzerland:Swiss Syria:Syrian
Taiwan:Taiwanese Turkey:Turkish Ukraine:Ukrainian United_Kingdom:British
United_States:American Venezuela:Venezuelan Vietnam:Vietnamese Yemen:Yemeni
North_Korea:North_Korean South_Korea:South_Korean Tajikistan:Tajik China:Chinese
"""
COUNTRIES: dict[str, str] = {}  # lower-case name or adjective -> country name
for _pair in _COUNTRIES.split():
    _name, _adj = (w.replace("_", " ") for w in _pair.split(":"))
    COUNTRIES[_name.lower()] = _name
    COUNTRIES[_adj.lower()] = _name
for _alias, _name in (
    ("u.s.", "United States"),
    ("us", "United States"),
    ("america", "United States"),
    ("the united states", "United States"),
    ("uk", "United Kingdom"),
    ("the u.s.", "United States"),
    ("u.k.", "United Kingdom"),
):
    COUNTRIES[_alias] = _name

#: words that end a noun phrase read backwards from a cue: "what they said", "that Iran said"
NP_STOP = _set(
    "that which who whom whose what and but or nor because as while when whenever if "
    "although though since after before so than where how why whether until unless once "
    "is are was were be been being to with in on at by from into about said says "
    "say told tells not also has have had will would could should might may do does did "
    "even just then there here"
)
#: determiners and quantifiers a source phrase may start with
DETERMINERS = _set(
    "the a an another one some many most several two three four other few "
    "all both his her their its our"
)

#: capitalised words that open a sentence without being part of a name
OPENERS = _set(
    "when but and the in on as after while if although though still so yet "
    "then since because before until now"
)

#: sources that are evidence rather than speakers: "the poll showed", "the study found"
EVIDENCE = _set(
    "poll polls polling survey surveys study studies report reports data analysis research "
    "figures numbers results review audit investigation documents records ad ads "
    "video footage memo letter tweet email release transcript filing filings book article "
    "editorial column commercial campaign_ad website"
)
