//! The typed vocabulary of framing analysis: cue kinds, the 14 frame dimensions of the Policy
//! Frames Codebook, the propaganda techniques framediff names, reporting-verb classes and the
//! kinds of generated differences. Each serialises to the string the JSON contract documents
//! ("hedge", "frame:legality", "technique:doubt", "omission"), so the contract is unchanged while
//! the code compares enums, never strings.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// How a reporting verb positions the reporter towards what is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerbClass {
    /// "said", "told": reports without judging.
    Neutral,
    /// "claimed", "insisted": puts distance between the reporter and the claim.
    Distancing,
    /// "revealed", "acknowledged": presents the claim as true.
    Endorsing,
    /// "dismissed", "slammed": presents the speaker as rejecting something.
    Dismissive,
    /// "blasted", "lamented": colours the speaker's state of mind.
    Emotive,
}

impl VerbClass {
    pub const ALL: [VerbClass; 5] = [
        VerbClass::Neutral,
        VerbClass::Distancing,
        VerbClass::Endorsing,
        VerbClass::Dismissive,
        VerbClass::Emotive,
    ];

    /// The name used in lexicon files and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            VerbClass::Neutral => "neutral",
            VerbClass::Distancing => "distancing",
            VerbClass::Endorsing => "endorsing",
            VerbClass::Dismissive => "dismissive",
            VerbClass::Emotive => "emotive",
        }
    }
}

impl fmt::Display for VerbClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for VerbClass {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        VerbClass::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown verb class {s:?}"))
    }
}

/// A propaganda technique (after the SemEval-2020 task 11 taxonomy, Da San Martino et al.).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Technique {
    AppealToFear,
    Doubt,
    Exaggeration,
    FlagWaving,
    LoadedLanguage,
    Minimisation,
    NameCalling,
}

impl Technique {
    pub const ALL: [Technique; 7] = [
        Technique::AppealToFear,
        Technique::Doubt,
        Technique::Exaggeration,
        Technique::FlagWaving,
        Technique::LoadedLanguage,
        Technique::Minimisation,
        Technique::NameCalling,
    ];

    /// The snake_case name used in lexicon files and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Technique::AppealToFear => "appeal_to_fear",
            Technique::Doubt => "doubt",
            Technique::Exaggeration => "exaggeration",
            Technique::FlagWaving => "flag_waving",
            Technique::LoadedLanguage => "loaded_language",
            Technique::Minimisation => "minimisation",
            Technique::NameCalling => "name_calling",
        }
    }
}

impl FromStr for Technique {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Technique::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = Technique::ALL.iter().map(|t| t.as_str()).collect();
                format!("unknown technique {s:?}; use one of {}", all.join(", "))
            })
    }
}

/// The 14 frame dimensions of the Policy Frames Codebook (Boydstun et al. 2014).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FrameDimension {
    CapacityAndResources,
    CrimeAndPunishment,
    CulturalIdentity,
    Economic,
    ExternalRegulationAndReputation,
    FairnessAndEquality,
    HealthAndSafety,
    Legality,
    Morality,
    PolicyPrescription,
    Political,
    PublicOpinion,
    QualityOfLife,
    SecurityAndDefense,
}

impl FrameDimension {
    pub const ALL: [FrameDimension; 14] = [
        FrameDimension::CapacityAndResources,
        FrameDimension::CrimeAndPunishment,
        FrameDimension::CulturalIdentity,
        FrameDimension::Economic,
        FrameDimension::ExternalRegulationAndReputation,
        FrameDimension::FairnessAndEquality,
        FrameDimension::HealthAndSafety,
        FrameDimension::Legality,
        FrameDimension::Morality,
        FrameDimension::PolicyPrescription,
        FrameDimension::Political,
        FrameDimension::PublicOpinion,
        FrameDimension::QualityOfLife,
        FrameDimension::SecurityAndDefense,
    ];

    /// The snake_case name used in lexicon files and the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameDimension::CapacityAndResources => "capacity_and_resources",
            FrameDimension::CrimeAndPunishment => "crime_and_punishment",
            FrameDimension::CulturalIdentity => "cultural_identity",
            FrameDimension::Economic => "economic",
            FrameDimension::ExternalRegulationAndReputation => "external_regulation_and_reputation",
            FrameDimension::FairnessAndEquality => "fairness_and_equality",
            FrameDimension::HealthAndSafety => "health_and_safety",
            FrameDimension::Legality => "legality",
            FrameDimension::Morality => "morality",
            FrameDimension::PolicyPrescription => "policy_prescription",
            FrameDimension::Political => "political",
            FrameDimension::PublicOpinion => "public_opinion",
            FrameDimension::QualityOfLife => "quality_of_life",
            FrameDimension::SecurityAndDefense => "security_and_defense",
        }
    }

    /// Plain-words description for a student.
    pub fn describe(self) -> &'static str {
        match self {
            FrameDimension::Economic => "the economic frame: costs, benefits, money",
            FrameDimension::CapacityAndResources => {
                "the capacity and resources frame: what is available or lacking"
            }
            FrameDimension::Morality => "the morality frame: right and wrong, values",
            FrameDimension::FairnessAndEquality => {
                "the fairness and equality frame: who is treated justly"
            }
            FrameDimension::Legality => "the legality frame: laws, courts, rights",
            FrameDimension::PolicyPrescription => "the policy frame: plans and what should be done",
            FrameDimension::CrimeAndPunishment => {
                "the crime and punishment frame: wrongdoing and its consequences"
            }
            FrameDimension::SecurityAndDefense => {
                "the security and defence frame: threats, armies, protection"
            }
            FrameDimension::HealthAndSafety => {
                "the health and safety frame: harm to people's bodies and lives"
            }
            FrameDimension::QualityOfLife => "the quality of life frame: effects on daily life",
            FrameDimension::CulturalIdentity => {
                "the cultural identity frame: traditions, history, belonging"
            }
            FrameDimension::PublicOpinion => "the public opinion frame: what people think",
            FrameDimension::Political => "the political frame: parties, power, manoeuvring",
            FrameDimension::ExternalRegulationAndReputation => {
                "the external relations frame: a country's standing with others"
            }
        }
    }
}

impl FromStr for FrameDimension {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        FrameDimension::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = FrameDimension::ALL.iter().map(|d| d.as_str()).collect();
                format!(
                    "unknown frame dimension {s:?}; use one of {}",
                    all.join(", ")
                )
            })
    }
}

/// What a framing cue is. Serialised as the contract's category string: `hedge`, `booster`,
/// `intensifier`, `loaded`, `label`, `attribution`, `frame:<dimension>`, `technique:<name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum CueKind {
    /// Softens a claim ("reportedly", "remains to be seen").
    Hedge,
    /// Hardens a claim ("clearly", "undoubtedly").
    Booster,
    /// Strengthens a word ("very", "utterly").
    Intensifier,
    /// A word that judges (lexicon entry or strongly polar VADER word).
    Loaded,
    /// One of several contested names for one thing ("annexed" / "joined").
    Label,
    /// A reporting verb ("said", "claimed", "slammed").
    Attribution,
    /// A word pointing to a frame dimension.
    Frame(FrameDimension),
    /// A propaganda technique.
    Technique(Technique),
}

impl CueKind {
    /// The family name: the category without its `:<detail>`.
    pub fn family(self) -> &'static str {
        match self {
            CueKind::Hedge => "hedge",
            CueKind::Booster => "booster",
            CueKind::Intensifier => "intensifier",
            CueKind::Loaded => "loaded",
            CueKind::Label => "label",
            CueKind::Attribution => "attribution",
            CueKind::Frame(_) => "frame",
            CueKind::Technique(_) => "technique",
        }
    }

    fn detail(self) -> &'static str {
        match self {
            CueKind::Frame(d) => d.as_str(),
            CueKind::Technique(t) => t.as_str(),
            _ => "",
        }
    }

    /// Whether two kinds are of one family (two frame dimensions are).
    pub fn same_family(self, other: CueKind) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    /// Whether this cue is about how the outlet writes (hedges, boosters, intensifiers, loaded
    /// words, labels, techniques), as opposed to attribution or frame dimensions.
    pub fn is_wording(self) -> bool {
        !matches!(self, CueKind::Attribution | CueKind::Frame(_))
    }

    /// Whether the kind makes a claim stronger (boosters and intensifiers).
    pub fn is_booster(self) -> bool {
        matches!(self, CueKind::Booster | CueKind::Intensifier)
    }
}

impl fmt::Display for CueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CueKind::Frame(_) | CueKind::Technique(_) => {
                write!(f, "{}:{}", self.family(), self.detail())
            }
            _ => f.write_str(self.family()),
        }
    }
}

impl FromStr for CueKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(d) = s.strip_prefix("frame:") {
            return d.parse().map(CueKind::Frame);
        }
        if let Some(t) = s.strip_prefix("technique:") {
            return t.parse().map(CueKind::Technique);
        }
        Ok(match s {
            "hedge" => CueKind::Hedge,
            "booster" => CueKind::Booster,
            "intensifier" => CueKind::Intensifier,
            "loaded" => CueKind::Loaded,
            "label" => CueKind::Label,
            "attribution" => CueKind::Attribution,
            _ => return Err(format!("unknown cue category {s:?}")),
        })
    }
}

impl From<CueKind> for String {
    fn from(k: CueKind) -> String {
        k.to_string()
    }
}

impl TryFrom<String> for CueKind {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// Cue kinds order as their category strings do (so sorted output is unchanged).
impl Ord for CueKind {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.family(), self.detail()).cmp(&(other.family(), other.detail()))
    }
}

impl PartialOrd for CueKind {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// What a generated difference is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// An article leaves a topic out (its closest sentence is clearly unrelated).
    Omission,
    /// An article has no sentence in a topic, and no claim is made that it leaves it out: either
    /// none of its sentences is aligned to the topic's (its closest sentence may report it in
    /// other words, and is shown), or one is but clustering put it under another topic (that
    /// sentence is shown, with that topic's name).
    Unaligned,
    /// Articles put a topic in different places (headline, lede, body).
    Placement,
    /// Who is quoted, and how.
    Quote,
    /// Reporting verbs of different classes.
    Verb,
    /// Contested labels for one thing.
    Label,
    /// One article describes an actor with a label or loaded word, another names it plainly.
    Naming,
    /// Hedging and boosting.
    Hedge,
    /// Loaded words.
    Loaded,
    /// Tone.
    Tone,
    /// Frame dimensions.
    Frame,
}

impl DifferenceKind {
    /// The contract's name ("omission", …).
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::Omission => "omission",
            DifferenceKind::Unaligned => "unaligned",
            DifferenceKind::Placement => "placement",
            DifferenceKind::Quote => "quote",
            DifferenceKind::Verb => "verb",
            DifferenceKind::Label => "label",
            DifferenceKind::Naming => "naming",
            DifferenceKind::Hedge => "hedge",
            DifferenceKind::Loaded => "loaded",
            DifferenceKind::Tone => "tone",
            DifferenceKind::Frame => "frame",
        }
    }
}

impl DifferenceKind {
    /// How much a difference of this kind tells a reader, 0 first: who is quoted or left
    /// without a voice, contested labels, omissions, placement, reporting verbs, loaded words,
    /// hedging, frames, then tone (a word-list measure, the least sure); an article merely
    /// having no aligned sentence comes last. Differences are listed in this order.
    pub fn rank(self) -> u8 {
        match self {
            DifferenceKind::Quote => 0,
            DifferenceKind::Label => 1,
            DifferenceKind::Naming => 2,
            DifferenceKind::Omission => 3,
            DifferenceKind::Placement => 4,
            DifferenceKind::Verb => 5,
            DifferenceKind::Loaded => 6,
            DifferenceKind::Hedge => 7,
            DifferenceKind::Frame => 8,
            DifferenceKind::Tone => 9,
            DifferenceKind::Unaligned => 10,
        }
    }
}

impl fmt::Display for DifferenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_kinds_round_trip_through_the_contract_strings() {
        let kinds = [
            CueKind::Hedge,
            CueKind::Attribution,
            CueKind::Frame(FrameDimension::Legality),
            CueKind::Technique(Technique::AppealToFear),
        ];
        for k in kinds {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(serde_json::from_str::<CueKind>(&json).unwrap(), k);
        }
        assert_eq!(
            serde_json::to_string(&CueKind::Frame(FrameDimension::SecurityAndDefense)).unwrap(),
            "\"frame:security_and_defense\""
        );
        assert!("frame:nonsense".parse::<CueKind>().is_err());
        assert!("verb".parse::<CueKind>().is_err());
    }

    #[test]
    fn cue_kinds_sort_as_their_strings() {
        let mut all: Vec<CueKind> = vec![
            CueKind::Technique(Technique::Doubt),
            CueKind::Loaded,
            CueKind::Label,
            CueKind::Frame(FrameDimension::Political),
            CueKind::Frame(FrameDimension::Economic),
            CueKind::Hedge,
            CueKind::Intensifier,
            CueKind::Booster,
            CueKind::Attribution,
        ];
        let mut strings: Vec<String> = all.iter().map(|k| k.to_string()).collect();
        all.sort();
        strings.sort();
        assert_eq!(
            all.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
            strings
        );
    }

    #[test]
    fn names_parse_back() {
        for d in FrameDimension::ALL {
            assert_eq!(d.as_str().parse::<FrameDimension>(), Ok(d));
        }
        for t in Technique::ALL {
            assert_eq!(t.as_str().parse::<Technique>(), Ok(t));
        }
        for v in VerbClass::ALL {
            assert_eq!(v.as_str().parse::<VerbClass>(), Ok(v));
        }
        assert_eq!(
            serde_json::to_string(&DifferenceKind::Omission).unwrap(),
            "\"omission\""
        );
    }
}
