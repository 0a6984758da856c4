"""Word lists for attribution: reporting verbs and the nouns that stand for speakers.

The verb lists are lemma sets for the parsed pipeline plus their inflected forms
for the rules-only fallback, which has no lemmatiser. The noun lists decide
how a subject that is not a name is read: a group or anonymous source ("officials",
"a spokesman") becomes an unnamed speaker, a role noun ("the Ukrainian
president") refers back to a named one, a document noun ("the statement")
stands for whoever issued it.
"""

from __future__ import annotations

# Verbs whose subject is a speaker and whose clausal complement is what they said. Checked against
# the cue lemmas of PolNeAR's training half (840 articles; counts of speech-verb cues): say 5354,
# tell 457, according to 394, write 274, ask 248, add 229, report 143, note 140, announce 111,
# suggest 99, argue 91, tweet 76, continue 72, claim 61, respond 51, declare 51, explain 49,
# acknowledge 47, urge 41, warn 41, state 39, insist 38, recall 33, reply 26, deny 26, confirm 22,
# predict 21, admit 19, stress 11, emphasize 9; every one of them is here. Verbs of speech still
# missing there, counted over PolNeAR train 1-500 as "VERB that ..." marked as attributions: concede 6
# of 7, joke 5 of 5, boast 5 of 5, lament 2 of 2, counter 1 of 1, reason 1 of 1 (thought and intention
# verbs, "hope", "think", "want", are no speech in our guide and stay out).
# "cite" ("cited rising costs"): 12 of the 14 "X cited ..." in PolNeAR train 1-500 are attributions,
# the other two participles ("the bureau cited in the tweet"), which are no cue here. "credit ... with":
# 2 of 2 there.
SPEECH_LEMMAS = frozenset(
    """
    suggest concede joke boast lament counter reason cite credit
    say tell add note emphasise emphasize warn claim insist explain argue report write state stress
    announce deny confirm reiterate assert maintain contend allege admit acknowledge declare reveal
    predict promise vow pledge threaten urge caution complain testify tweet post recall
    conclude deem indicate estimate accuse comment remark observe reply respond answer ask justify
    speak continue express describe call identify denounce condemn invite blame criticise
    criticize defend read find disclose dispute reject forecast question believe encourage
    """.split()
) | frozenset(
    # Manners of speaking and more verbs of saying. Gold cues among all their forms in PolNeAR train
    # 1-500 (counted by word form, nouns included): mention 46/70, assure 14/24, shout 10/14, hint 10/15,
    # decry 9/9, yell 4/10, recount 4/11, proclaim 4/5, speculate 5/6, chide 3/3, confess 2/2, muse 2/2,
    # lambast 2/2, scold 2/4, quip 1/3, exclaim 1/1, retort 1/1, surmise 1/1, specify 1/1.
    """
    mention assure shout hint decry yell recount proclaim speculate chide confess muse lambast scold
    quip exclaim retort surmise specify
    """.split()
)

# Of those, the verbs that report only an object or a phrase, never a clause, and are cues only with
# that content: never beside a quotation, which they do not introduce ('the four "loopholes" he cited
# are ...' quotes a word he used, not what he said, and "are ..." is no clause of "cited").
OBJECT_ONLY_LEMMAS = frozenset({"cite", "credit"})

# Of those, the verbs whose content may be a clause before them ("..., officials said")
# or after a parenthetical cue ("which, the statement said, ..."). Not "concede", "boast", "lament":
# their object is often a thing ("conceding the race"), and PolNeAR train 1-500 has none of them
# set off after or inside a clause.
CLAUSE_LEMMAS = frozenset(
    """
    say tell add note emphasise emphasize warn claim insist explain argue report write state stress
    announce deny confirm reiterate assert maintain contend allege admit acknowledge declare testify
    tweet post conclude indicate comment remark observe reply continue suggest joke counter reason
    """.split()
)

# Of those, the verbs whose direct object is itself the reported content
# ("denied any sexual activity", "announced a complete withdrawal", "acknowledged the risk"). In
# PolNeAR's training half, of indirect attributions whose content is a short phrase rather than a
# clause: acknowledge 12 of 38, stress 4 of 9, note 8 of 88, admit 2 of 11. "recalled an incident",
# "tweeted a photo", "warned the board not to act": on PolNeAR train 101-500, 17 of 19 such objects
# are gold content. "alleged fraud in the count": the one such in PolNeAR train 1-500 is marked
# ("the alleged leader", an adjective, is no verb).
OBJECT_CONTENT_LEMMAS = frozenset(
    """
    announce deny confirm claim reveal predict promise vow pledge threaten express denounce condemn
    invite blame criticise criticize defend disclose dispute reject report find call describe justify
    identify estimate urge accuse state forecast acknowledge admit note stress emphasise emphasize
    recall tweet warn cite allege mention decry proclaim recount lambast
    """.split()
)

# Of those, the verbs whose ", which" object stands for the clause before it ("was accused of taking
# bribes, which he denied", "the firm cut 300 jobs, which the union confirmed"): one such in PolNeAR
# train 1-500 ("..., which he has denied"), marked as an attribution.
RELATIVE_CONTENT_LEMMAS = frozenset("deny dispute reject confirm admit acknowledge".split())

# Of those, the verbs that report an object only from a person: a carmaker "recalled 2 million
# cars", a government "recalled its ambassador" (a person "recalled the day the mine closed").
PERSON_OBJECT_LEMMAS = frozenset({"recall"})

# Verbs that report a request: the person asked and what they were asked to do
# ("asked the board to delay the vote", "told the crews not to sail": PolNeAR train 1-500 marks 49
# speech cues "told X to ..."); "asked him about it" reports no words. "encouraged X to ...": in
# PolNeAR train 1-500, 4 of the 6 with a person or a body as subject are attributions.
REQUEST_LEMMAS = frozenset({"ask", "tell", "encourage"})

# Of those, the verbs that also have things for subjects, which cause and say nothing ("the
# exchange would encourage others to try": none of the 5 such in PolNeAR train 1-500 is marked).
SPEAKER_SUBJECT_ONLY = frozenset({"encourage"})

# Verbs that report what a preposition after them governs ("argued for a new name", "warned of
# the risks", "insisted on a recount"). Counted over the gold cues of PolNeAR's training half that
# end in a preposition: warned of/against/about 8, argued for/against/in favor of 4, insisted on 1
# ("asked about" 20 is left out: "asked him about it" reports no words of the asker).
PREPOSITION_CONTENT = {
    "warn": frozenset({"of", "against", "about"}),
    "argue": frozenset({"for", "against"}),
    "insist": frozenset({"on"}),
    "credit": frozenset({"with"}),
}

# Verbs that report words only as a characterisation in an "as" phrase that quotes ('referred to the
# vote as "a sham"', 'dismissed the report as "nonsense"'): in PolNeAR train 1-500, 10 of the 12 such
# phrases are marked as attributions, and the other two ('slammed the proposal as "reprehensible"',
# 'ridiculed that assessment as "..."') are words too by our guide.
AS_QUOTED_LEMMAS = frozenset(
    """
    refer dismiss attack hail slam deride brand label characterize characterise portray mock ridicule
    blast praise
    """.split()
)

# Verbs that report words only when what follows carries quotation marks
# ("described him as an "emerging" figure"), never on their own.
NEEDS_QUOTED_CONTENT = frozenset("describe identify defend".split())

# Of those, the verbs whose "as" phrase is a characterisation someone gave, quoted or not ("described
# the plan as reckless", "which she described as fragile"): in PolNeAR train 1-500, 22 of the 28
# active "describe ... as" are attributions.
AS_COMPLEMENT_LEMMAS = frozenset({"describe"})

# Verbs that, with a person for object, report a vote to appoint them, no words ("the Senate confirmed
# him", "confirm nominees"), and with anything else a statement ("confirmed the deaths"). PolNeAR,
# wider than our guide, marks about half of "confirmed a judge" (5 of 10 in train 1-500).
APPROVAL_LEMMAS = frozenset({"confirm"})

# Verbs whose subject must be a document or outlet, not a person ("the statement read:").
DOCUMENT_SUBJECT_ONLY = frozenset({"read"})

# Inflected forms for the fallback, which only sees word forms.
SPEECH_FORMS = frozenset(
    """
    say says said saying tell tells told telling add adds added adding note notes noted noting
    warn warns warned warning claim claims claimed claiming insist insists insisted explain explains
    explained argue argues argued report reports reported write writes wrote written state states
    stated stress stresses stressed announce announces announced deny denies denied confirm confirms
    confirmed emphasise emphasises emphasised emphasize emphasizes emphasized reiterated declared
    continued tweeted asked replied added recalled concluded admitted acknowledged suggest suggests
    suggested ask asks
    """.split()
)

# Subjects that are anonymous or collective sources: unnamed speakers.
GROUP_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson spokespeople official officials source sources authority
    authorities police media outlet outlets analyst analysts expert experts scientist scientists
    researcher researchers witness witnesses eyewitness eyewitnesses activist activists resident
    residents diplomat diplomats lawyer lawyers prosecutor prosecutors investigator investigators
    defendant defendants officer officers party parties critic critics observer observers doctor
    doctors medium assembly aide aides insider insiders people person worker workers employee employees member
    members minister ministers leader leaders government governments nation nations country
    countries state states study studies report reports survey surveys statement statements
    agency agencies service services firefighter firefighters rescuer rescuers agent agents
    representative representatives military army commander commanders organizer organizers
    organisers organiser group groups protester protesters voter voters victim victims family
    families relative relatives colleague colleagues friend friends neighbour neighbours neighbor
    neighbors teacher teachers student students union unions company companies firm firms
    """.split()
)

# Nouns for documents and channels that stand for whoever issued them.
DOCUMENT_NOUNS = frozenset(
    """
    statement statements report reports release releases communique communiqué tweet tweets post
    posts letter letters document documents study studies survey surveys analysis website site
    office announcement announcements message messages memo filing filings record records
    statistics data figures account accounts estimate estimates memoir memoirs book books diary diaries
    autobiography autobiographies blog blogs schedule schedules forecast forecasts tracker tally
    projection projections timeline
    """.split()
)

# Of those, what a speaker issues: an uncredited "the statement" is the last speaker's.
ISSUED_NOUNS = frozenset(
    """
    statement statements release releases communique communiqué tweet tweets post posts letter
    letters message messages memo announcement announcements office
    """.split()
)

# Subjects for which "found ..." reports a result ("researchers found high levels of lead").
RESEARCH_NOUNS = frozenset(
    """
    study studies researcher researchers scientist scientists survey surveys analysis report reports
    investigator investigators investigation inquiry review audit expert experts team paper trial
    """.split()
)

# Nouns naming a person by function: with "the", they refer back to a named speaker.
PERSON_ROLE_NOUNS = frozenset(
    """
    president minister secretary spokesman spokeswoman spokesperson expert analyst researcher
    scientist professor director head chief leader commander chairman chairwoman chairperson
    commissioner ambassador envoy senator governor mayor chancellor premier king queen prince
    officer official lawyer attorney prosecutor judge general founder executive ceo economist
    author journalist correspondent reporter editor diplomat dictator ruler politician candidate
    representative activist adviser advisor negotiator lawmaker legislator detective inspector
    sergeant constable captain colonel lieutenant doctor physician surgeon nurse teacher lecturer
    student resident witness survivor farmer worker employee manager owner coach investigator
    historian engineer pilot aide deputy consultant campaigner organiser organizer volunteer
    priest bishop imam rabbi pastor medic paramedic firefighter soldier protester neighbour neighbor
    """.split()
)

# What speaks for the person owning it: "Senator Ruiz's campaign said", "Okafor's office said"
# report Ruiz's or Okafor's words (a named owner only: an uncredited "the campaign" is someone else;
# a person's spokesman or aide is a person of their own, an unnamed source).
SPOKES_NOUNS = frozenset("campaign camp office staff team".split())

# Nouns naming an organisation by function ("the agency", "the chain", "the company").
ORG_ROLE_NOUNS = frozenset(
    """
    agency chain company firm group ministry department government bank retailer organisation
    organization party council committee court union movement alliance army militia carrier
    airline manufacturer maker insurer lender broadcaster publisher operator supplier developer
    automaker carmaker drugmaker network institute force
    """.split()
)

# Nouns that, with a proper modifier, are themselves an organisation's name
# ("the Myanma embassy", "the Houthi movement").
INSTITUTION_NOUNS = frozenset(
    """
    embassy ministry department agency movement government army militia party council court
    office commission parliament
    """.split()
)

# Of those, the nouns that stand for the company just named ("Novapharm recalled the pills,
# the company said"); "the government" or "the party" may be anyone's, so they do not.
COMPANY_NOUNS = frozenset(
    """
    company firm chain retailer bank carrier airline manufacturer maker insurer lender
    broadcaster publisher operator supplier developer automaker carmaker drugmaker
    """.split()
)

# Nouns that, with "the", stand for the organisation just named: the companies, and bodies
# whose name says what they are ("Europol ..., the agency said", "The network said").
ORG_ANAPHORS = COMPANY_NOUNS | frozenset("agency organisation organization network institute force".split())

# Title words that are part of a role, never of a person's canonical name.
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. mme mme. dr dr. prof prof. professor president vice prime minister
    secretary senator sen. sen rep. representative governor gov. mayor director general chancellor
    king queen prince princess sir lord lady judge justice ambassador commissioner chairman
    chairwoman chairperson ceo leader dictator pope cardinal bishop rabbi imam sheikh chief
    officer colonel col. major captain capt. lieutenant lt. sergeant commander admiral marshal
    foreign defence defense interior finance deputy former acting state attorney special envoy
    mp mep assemblyman assemblywoman assemblymember congressman congresswoman councilman councilwoman
    """.split()
)

# Occupations written before a name ("Farmer Tomas Berg" at a sentence start,
# where NER tends to take the capitalised word into the name).
OCCUPATIONS = frozenset(
    """
    farmer engineer economist teacher technician scientist researcher analyst councillor councilor
    shopkeeper rescuer coach doctor nurse lawyer activist journalist reporter spokesman spokeswoman
    spokesperson expert historian physician surgeon architect pilot soldier student resident
    witness survivor priest pastor banker investor entrepreneur writer novelist poet artist singer
    actor actress author hydrologist geologist biologist chemist physicist epidemiologist virologist
    immunologist""".split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})

# Words that mark a capitalised sequence as an organisation's name.
ORG_WORDS = frozenset(
    """
    agency ministry department office council committee group union party bank fund association
    organisation organization institute institution foundation company corporation corp inc ltd
    university school hospital court army forces force police service services news press times
    post journal network media movement commission authority board centre center league nations
    states republic kingdom programme program project initiative mission alliance coalition
    federation network society club team front navy brigade bureau tribunal assembly senate
    congress cabinet firm bank
    """.split()
)

# Objects by which "confirm" means to approve someone for an office, not to check a fact
# (read by the cues here and by the claims layer's "could not confirm").
APPOINTEES = frozenset("him her me us nominee nominees appointee appointees candidate".split())
