"""What visitors type into the library's search box, and the resources they are looking for.

Each query names the demo resources (resources/demo_data/resources.csv) that a person typing it
wants: one of `top5` among the first five results, and one of `first` as the very first (`first`
counts as part of `top5`). The expectations follow what each resource is about, not what the
search returns, so a miss here is the search's to fix. test_relevance.py runs them all.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Expected:
    first: frozenset[str]
    top5: frozenset[str]


def expect(first, also=()):
    """`first`: the title, or titles, any of which should lead; `also`: further titles that
    answer the query well enough to be among the first five."""
    first = frozenset({first} if isinstance(first, str) else first)
    return Expected(first=first, top5=first | frozenset(also))


# The demo resources, by title.
NEXT = "How NEXT Works"
OTC_NALOXONE = "Non-prescription (“Over-the-Counter”) Naloxone Frequently Asked Questions"
NALOXONE_SAVES_LIVES = "Naloxone Saves Lives"
RESPONDING_TO_OVERDOSE = "Harm Reduction & Overdose Prevention: Responding to Overdose"
OVERDOSE_TOOLKIT = "SAMHSA overdose prevention and response toolkit"
STIMULANT_GUIDE = "Stimulant Guide"
METH_STRATEGIES = "What are harm reduction strategies for people who use methamphetamine (meth)?"
GETTING_OFF_RIGHT = "Getting Off Right: A Safety Manual for Injection Drug Users"
DRUG_CHECKING = "Drug Checking"
WHAT_IS_DRUG_CHECKING = "What is Drug Checking"
NEVER_USE_ALONE = "Never Use Alone"
LIFELINE_988 = "What to Expect"
NATIONAL_HELPLINE = "SAMHSA’s National Helpline"
FIND_TREATMENT = "FindTreatment.gov"
PRINCIPLES = "Principles of Harm Reduction"
WHO_IS_SERVED = "Who Is Served"
SO_GLAD_YOU_CAME = "So Glad You Came! Harm Reduction Therapy in Community Settings"
OVER_THE_INFLUENCE = "Over the Influence: The Harm Reduction Guide for Managing Drugs and Alcohol"
RETHINKING_DRINKING = "Rethinking Drinking"
HAMS = "How HAMS Works"
CANNABIS_TEN_WAYS = "Cannabis and your health: 10 ways to reduce risks when using"
CANNABIS_GUIDELINES = (
    "Lower-Risk Cannabis Use Guidelines: A Comprehensive Update of Evidence and Recommendations"
)
HELP_A_LOVED_ONE = "How to Help a Loved One Find Addiction Recovery"
CMC = "CMC: Foundation for Change"
BEYOND_ADDICTION = "Beyond Addiction: How Science and Kindness Help People Change"
OPIOID_STRATEGIES = "Harm Reduction Strategies for Opioid Use"
SAMHSA_HARM_REDUCTION = "Harm Reduction"
MOUD = (
    "Medications for Opioid Use Disorder: For Healthcare and Addiction Professionals, "
    "Policymakers, Patients, and Families"
)
TIP_35 = "TIP 35: Enhancing Motivation for Change in Substance Use Disorder Treatment"
NALOXONE_PROJECTS = (
    "Guide to Developing and Managing Overdose Prevention and Take Home Naloxone Projects"
)
SSP_TECHNICAL = "Syringe Services Programs: Technical Package"
SSP_CRITICAL = "Syringe services programs are a critical part of the solution"
HEP_C_TESTING = "Hepatitis C Testing"
GET_TESTED = "GetTested"
PREGUNTAS_NALOXONA = "Preguntas frecuentes sobre la naloxona"
NALOXONA = "Naloxona"
SOBREDOSIS_HEROINA = "¿Qué puede hacerse en el caso de una sobredosis de heroína?"
APRENDA_NALOXONA = "Aprenda a administrar un aerosol nasal de naloxona"
FAMILIAS = "Familias de consumidores de drogas: respuestas sanitarias y sociales"
HEPATITIS_C_ES = "Hepatitis C"

# The English pages about naloxone itself lead; the programme guide for organisations and the
# mail service may follow.
NALOXONE = expect(
    {NALOXONE_SAVES_LIVES, OTC_NALOXONE},
    also={RESPONDING_TO_OVERDOSE, NALOXONE_PROJECTS, NEXT, OVERDOSE_TOOLKIT},
)
FENTANYL = expect(
    # No resource is about fentanyl alone: these say how to stay safe from it.
    {DRUG_CHECKING, OPIOID_STRATEGIES, STIMULANT_GUIDE},
    also={NEVER_USE_ALONE, RESPONDING_TO_OVERDOSE, NALOXONE_SAVES_LIVES},
)
# Over the Influence covers drugs and alcohol alike: the two resources about alcohol alone lead.
ALCOHOL = expect({RETHINKING_DRINKING, HAMS}, also={OVER_THE_INFLUENCE})
METH = expect(METH_STRATEGIES, also={STIMULANT_GUIDE})
COCAINE = expect(STIMULANT_GUIDE)  # the only resource that names cocaine
CANNABIS = expect({CANNABIS_TEN_WAYS, CANNABIS_GUIDELINES})
# Suboxone and Subutex are buprenorphine, which the SAMHSA protocol covers; the locator finds
# programmes that prescribe it.
BUPRENORPHINE = expect(MOUD, also={FIND_TREATMENT})
SYRINGE_SERVICES = expect(
    # Both are about syringe services programmes; the technical package is for those who run one.
    {SSP_CRITICAL, SSP_TECHNICAL},
    also={NEXT, GETTING_OFF_RIGHT},
)
DRUG_CHECKING_EXPLAINERS = expect(
    {DRUG_CHECKING, WHAT_IS_DRUG_CHECKING},
    # A family guide that names fentanyl test strips among other advice.
    also={OPIOID_STRATEGIES},
)

PLAIN_WORDS = {
    "naloxone": NALOXONE,
    # "Hepatitis C" is the same in English and Spanish: either fact sheet may lead.
    "hepatitis c": expect({HEP_C_TESTING, HEPATITIS_C_ES}, also={GET_TESTED}),
    "alcohol": ALCOHOL,
    "fentanyl": FENTANYL,
    "overdose": expect(
        {RESPONDING_TO_OVERDOSE, OVERDOSE_TOOLKIT},
        also={NALOXONE_SAVES_LIVES, NEVER_USE_ALONE, NALOXONE_PROJECTS, OTC_NALOXONE},
    ),
    "cannabis": CANNABIS,
    # Heroin is an opioid; no English resource names it, and the one that does is in Spanish.
    "heroin": expect(
        OPIOID_STRATEGIES,
        also={RESPONDING_TO_OVERDOSE, NALOXONE_SAVES_LIVES, GETTING_OFF_RIGHT, NEVER_USE_ALONE},
    ),
    "methadone": BUPRENORPHINE,
    "hiv": expect(GET_TESTED),
    # Someone looking for treatment: the locator and the helpline, before clinicians' protocols.
    "treatment": expect({FIND_TREATMENT, NATIONAL_HELPLINE}, also={MOUD}),
    "xylazine": expect(DRUG_CHECKING),
}

MISSPELLINGS = {
    "nalaxone": NALOXONE,
    "fentanil": FENTANYL,
    "suboxen": BUPRENORPHINE,
    "buprenorphin": BUPRENORPHINE,
    "methamphetamin": METH,
    # Hepatitis in general: the testing locator covers every kind.
    "hepititis": expect({HEP_C_TESTING, HEPATITIS_C_ES, GET_TESTED}),
    "alchohol": ALCOHOL,
    "canabis": CANNABIS,
    # "overdoes" is a word of its own, but here it is "overdose" typed in a hurry.
    "overdoes": expect(
        {RESPONDING_TO_OVERDOSE, OVERDOSE_TOOLKIT},
        also={NALOXONE_SAVES_LIVES, NEVER_USE_ALONE},
    ),
    "siringe exchange": SYRINGE_SERVICES,
}

BRAND_AND_STREET_NAMES = {
    "narcan": NALOXONE,
    "kloxxado": NALOXONE,  # a higher-dose naloxone nasal spray
    "suboxone": BUPRENORPHINE,
    "bupe": BUPRENORPHINE,
    "meth": METH,
    "crystal": METH,
    "weed": CANNABIS,
    "marijuana": CANNABIS,
    "coke": COCAINE,
    "crack": COCAINE,
}

PHRASES = {
    "needle exchange": SYRINGE_SERVICES,
    "test strips": DRUG_CHECKING_EXPLAINERS,
    "fentanyl test strips": DRUG_CHECKING_EXPLAINERS,
    "drug test kits": DRUG_CHECKING_EXPLAINERS,
    # HAMS names safer drinking as a goal; the others are about drinking less or quitting.
    "safer drinking": expect(HAMS, also={RETHINKING_DRINKING, OVER_THE_INFLUENCE}),
    "cut down drinking": expect({RETHINKING_DRINKING, HAMS}, also={OVER_THE_INFLUENCE}),
    "safer injecting": expect(GETTING_OFF_RIGHT, also={SSP_CRITICAL, NEXT}),
    "naloxone by mail": expect(NEXT),
    "harm reduction therapy": expect({WHO_IS_SERVED, SO_GLAD_YOU_CAME}, also={OVER_THE_INFLUENCE}),
    "motivational interviewing": expect(TIP_35),
    # 988 is the crisis line; the national helpline and the overdose hotline answer too.
    "crisis line": expect({LIFELINE_988, NATIONAL_HELPLINE}, also={NEVER_USE_ALONE}),
}

QUESTIONS = {
    "how do I use naloxone": expect(
        {NALOXONE_SAVES_LIVES, RESPONDING_TO_OVERDOSE}, also={OTC_NALOXONE}
    ),
    "where can I get naloxone": expect(
        # NEXT mails it free; the other two say where to find it.
        {OTC_NALOXONE, NEXT, NALOXONE_SAVES_LIVES},
    ),
    "where can I get test strips": expect(
        {DRUG_CHECKING, WHAT_IS_DRUG_CHECKING},
        # NEXT mails harm reduction supplies, fentanyl test strips among them.
        also={NEXT, OPIOID_STRATEGIES},
    ),
    "harm reduction for alcohol": expect({HAMS, OVER_THE_INFLUENCE}, also={RETHINKING_DRINKING}),
    "what to do if someone overdoses": expect(
        {RESPONDING_TO_OVERDOSE, NALOXONE_SAVES_LIVES},
        also={OVERDOSE_TOOLKIT, OTC_NALOXONE, NEVER_USE_ALONE},
    ),
    "help for my family member who uses drugs": expect(
        {HELP_A_LOVED_ONE, CMC, BEYOND_ADDICTION}, also={OPIOID_STRATEGIES}
    ),
    # A parent asking: the family guides, none of which says "son".
    "how can I help my son stop using drugs": expect(
        {HELP_A_LOVED_ONE, CMC, BEYOND_ADDICTION}, also={OPIOID_STRATEGIES}
    ),
    "is it safe to use alone": expect(NEVER_USE_ALONE, also={OPIOID_STRATEGIES}),
    "what is harm reduction": expect({PRINCIPLES, SAMHSA_HARM_REDUCTION}),
    "where can I get tested for hep c": expect({HEP_C_TESTING, GET_TESTED}),
    "how do I cut back on weed": expect(CANNABIS_TEN_WAYS, also={CANNABIS_GUIDELINES}),
    # Someone who needs a person to talk to now: the crisis and treatment lines.
    "who can I call for help": expect({LIFELINE_988, NATIONAL_HELPLINE}, also={NEVER_USE_ALONE}),
}

SPANISH = {
    "naloxona": expect({NALOXONA, PREGUNTAS_NALOXONA, APRENDA_NALOXONA}, also={SOBREDOSIS_HEROINA}),
    # The fact sheet called "Naloxona" is about who should carry it and the law, not giving it.
    "como usar naloxona": expect(
        {APRENDA_NALOXONA, PREGUNTAS_NALOXONA}, also={NALOXONA, SOBREDOSIS_HEROINA}
    ),
    "cómo usar la naloxona": expect(
        {APRENDA_NALOXONA, PREGUNTAS_NALOXONA}, also={NALOXONA, SOBREDOSIS_HEROINA}
    ),
    "dónde conseguir naloxona": expect({PREGUNTAS_NALOXONA, NALOXONA}, also={APRENDA_NALOXONA}),
    "sobredosis": expect(
        SOBREDOSIS_HEROINA,
        # Giving naloxone when someone overdoses, in Spanish.
        also={APRENDA_NALOXONA, PREGUNTAS_NALOXONA},
    ),
    "sobredosis de heroina": expect(SOBREDOSIS_HEROINA, also={APRENDA_NALOXONA}),
    "heroína": expect(SOBREDOSIS_HEROINA),
    # The same word in both languages: any hepatitis resource may lead.
    "hepatitis": expect({HEPATITIS_C_ES, HEP_C_TESTING, GET_TESTED}),
    # A Spanish speaker asking for a hepatitis C test: the Spanish fact sheet says why to get one.
    "prueba de hepatitis c": expect(HEPATITIS_C_ES, also={HEP_C_TESTING, GET_TESTED}),
    "familias": expect(FAMILIAS),
}

KINDS = {
    "plain words": PLAIN_WORDS,
    "misspellings": MISSPELLINGS,
    "brand and street names": BRAND_AND_STREET_NAMES,
    "phrases": PHRASES,
    "questions": QUESTIONS,
    "Spanish": SPANISH,
}
QUERIES = {query: expected for queries in KINDS.values() for query, expected in queries.items()}
