//! The staff directory: the persons of bot.toml's units as the HR system or Active Directory
//! exports them (`directory = "staff.csv"`). Swedish and Danish exports write `;` (Excel with a
//! decimal comma) or `,`, UTF-8 with or without a byte-order mark, quoted fields; the header
//! names the columns in English, Swedish or Danish (see README, "The staff directory"). Columns
//! Fyr does not know (personnummer, CPR, cost centre …) are ignored, never read into memory.
//!
//! Every problem is located (file:line:column of the field) and says what to do, as bot.toml's.

use std::collections::HashMap;
use std::path::Path;

use rustc_hash::FxHashMap;

use super::Problem;
use crate::model::Language;

/// What a person is, besides an employee, as far as Fyr is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Employee,
    Manager,
    Deputy,
    SafetyRep,
    OnCall,
}

impl Role {
    fn parse(value: &str) -> Option<Role> {
        let v: String = value
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
            .collect();
        Some(match v.as_str() {
            "" | "employee" | "staff" | "medarbetare" | "anställd" | "anstalld" | "medarbejder"
            | "ansat" => Role::Employee,
            "manager" | "chef" | "leder" | "enhedschef" | "enhetschef" => Role::Manager,
            "deputy"
            | "ställföreträdare"
            | "stallforetradare"
            | "ersättare"
            | "stedfortræder"
            | "stedfortraeder" => Role::Deputy,
            "safetyrep"
            | "safetyrepresentative"
            | "skyddsombud"
            | "arbetsmiljöombud"
            | "amr"
            | "arbejdsmiljørepræsentant"
            | "arbejdsmiljorepraesentant" => Role::SafetyRep,
            "oncall" | "jour" | "beredskap" | "beredskab" | "vakthavande" | "vagthavende" => {
                Role::OnCall
            }
            _ => return None,
        })
    }
}

/// One person of the directory, validated: ids lowercased, the unit resolved to a bot.toml
/// unit id.
#[derive(Clone, Debug)]
pub struct StaffPerson {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub manager: Option<String>,
    pub language: Option<Language>,
    pub matrix: Option<String>,
    pub discord: Option<u64>,
    pub email: Option<String>,
    pub roles: Vec<Role>,
    /// Where the person's row starts (1-based), for problems found later.
    pub line: usize,
    /// The column of each field that later checks may point at: id, unit, role.
    pub id_column: usize,
    pub role_column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Id,
    Name,
    GivenName,
    Surname,
    Unit,
    Manager,
    Language,
    Matrix,
    Discord,
    Email,
    Role,
}

/// The header names Fyr recognizes for each column, compared without case, spaces, '-', '_'
/// and '.'. The first of each is the documented English one.
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "person_id",
            "id",
            "personid",
            "employeeid",
            "employeenumber",
            "anställningsnummer",
            "anstallningsnummer",
            "anstnr",
            "medarbetarid",
            "medarbejdernummer",
            "medarbejdernr",
            "medarbejderid",
            "samaccountname",
        ],
    ),
    (
        Field::Name,
        &[
            "name",
            "displayname",
            "fullname",
            "namn",
            "navn",
            "fulltnamn",
            "fuldtnavn",
        ],
    ),
    (
        Field::GivenName,
        &[
            "given_name",
            "givenname",
            "firstname",
            "förnamn",
            "fornamn",
            "fornavn",
        ],
    ),
    (
        Field::Surname,
        &["surname", "sn", "lastname", "efternamn", "efternavn"],
    ),
    (
        Field::Unit,
        &[
            "unit",
            "unitid",
            "department",
            "enhet",
            "enhed",
            "avdelning",
            "afdeling",
            "organisationsenhet",
        ],
    ),
    (
        Field::Manager,
        &[
            "manager_id",
            "manager",
            "chef",
            "chefid",
            "närmastechef",
            "narmastechef",
            "leder",
            "lederid",
            "nærmesteleder",
            "naermesteleder",
        ],
    ),
    (Field::Language, &["language", "språk", "sprak", "sprog"]),
    (Field::Matrix, &["matrix_id", "matrix", "matrixid"]),
    (Field::Discord, &["discord_id", "discord", "discordid"]),
    (
        Field::Email,
        &[
            "email",
            "e-mail",
            "mail",
            "epost",
            "emailaddress",
            "epostadress",
        ],
    ),
    (Field::Role, &["role", "roll", "rolle"]),
];

fn normalize_header(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .collect()
}

fn field_of(header: &str) -> Option<Field> {
    let h = normalize_header(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize_header(n) == h))
        .map(|(f, _)| *f)
}

/// A unit of bot.toml a row may name, by id or by name.
pub struct UnitRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// The column separator: whichever of `;` and `,` the header line has more of.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() >= header.matches(',').count() && header.contains(';') {
        b';'
    } else {
        b','
    }
}

/// The 1-based character column where each field of the record starting at `start` begins.
fn field_columns(text: &str, start: usize, delim: u8) -> Vec<usize> {
    let mut columns = vec![1];
    let mut quoted = false;
    let mut column = 1;
    let mut chars = text.get(start..).unwrap_or("").chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
            }
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            c if !quoted && c as u32 == u32::from(delim) => columns.push(column),
            _ => {}
        }
    }
    columns
}

/// Read and check a directory file against bot.toml's units.
pub fn parse(
    bytes: &[u8],
    path: &Path,
    units: &[UnitRef<'_>],
) -> Result<Vec<StaffPerson>, Vec<Problem>> {
    let problem = |line: usize, column: usize, message: String, help: &str| Problem {
        file: path.to_path_buf(),
        line,
        column,
        message,
        help: help.to_string(),
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(vec![problem(
            1,
            1,
            "the file is UTF-16 (Excel's \"Unicode text\"), not UTF-8".into(),
            "export it again as \"CSV UTF-8 (comma delimited)\" (Excel: Save as… → CSV UTF-8)",
        )]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let (line, column) = super::line_column(valid, at);
            return Err(vec![problem(
                line,
                column,
                format!("the file is not UTF-8 text (byte 0x{:02x} here)", bytes[at]),
                "export the directory as UTF-8 (Excel: Save as… → CSV UTF-8; most HR systems have an encoding option), not Latin-1 or Windows-1252",
            )]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut problems = Vec::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![problem(
                1,
                1,
                format!("the header line cannot be read: {e}"),
                "the first line names the columns, e.g. person_id;name;unit;manager_id;role",
            )])
        }
    };
    let header_columns = field_columns(text, 0, delim);
    let mut columns: HashMap<Field, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(field) = field_of(h) {
            if columns.insert(field, i).is_some() {
                problems.push(problem(
                    1,
                    header_columns.get(i).copied().unwrap_or(1),
                    format!("the column `{}` is there twice", h.trim()),
                    "keep one column of each kind (see README, \"The staff directory\")",
                ));
            }
        }
    }
    let has_name = columns.contains_key(&Field::Name)
        || (columns.contains_key(&Field::GivenName) && columns.contains_key(&Field::Surname));
    for (field, needed) in [
        (Field::Id, true),
        (Field::Unit, true),
        (Field::Name, !has_name),
    ] {
        if needed && !columns.contains_key(&field) {
            let names = HEADERS
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, n)| n.join(", "))
                .unwrap_or_default();
            problems.push(problem(
                1,
                1,
                format!(
                    "the header has no {} column",
                    names.split(", ").next().unwrap_or("")
                ),
                &format!("name one column {names} (the header line is the first line)"),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let unit_by_key: FxHashMap<String, &str> = units
        .iter()
        .flat_map(|u| {
            [
                (u.id.to_lowercase(), u.id),
                (u.name.trim().to_lowercase(), u.id),
            ]
        })
        .collect();
    let unit_list = || {
        let mut ids: Vec<&str> = units.iter().map(|u| u.id).collect();
        ids.sort_unstable();
        ids.join(", ")
    };

    let mut persons: Vec<StaffPerson> = Vec::new();
    // Where each id, Matrix id and Discord id was first seen: (line, column).
    let mut ids: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    let mut matrix_ids: FxHashMap<String, usize> = FxHashMap::default();
    let mut discord_ids: FxHashMap<u64, usize> = FxHashMap::default();
    // Per person: (line, column) of the manager field, to point at an unknown manager.
    let mut manager_at: Vec<(usize, usize)> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                problems.push(problem(
                    line,
                    1,
                    format!("this row cannot be read: {e}"),
                    "close every quoted field with a \" (a \" inside a field is written \"\")",
                ));
                break;
            }
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (line, byte) = record
            .position()
            .map_or((1, 0), |p| (p.line() as usize, p.byte() as usize));
        let cols = field_columns(text, byte, delim);
        let col = |f: Field| {
            columns
                .get(&f)
                .and_then(|&i| cols.get(i).copied())
                .unwrap_or(1)
        };
        let get = |f: Field| {
            columns
                .get(&f)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };

        let raw_id = get(Field::Id).unwrap_or("");
        let id = raw_id.to_lowercase();
        if !valid_id(&id) {
            problems.push(problem(
                line,
                col(Field::Id),
                format!("`{raw_id}` is not a valid person id"),
                "person ids use letters a-z, digits, '-' and '_' (at most 64 characters; upper case is read as lower case); export the employee number, not the personnummer/CPR",
            ));
        } else if matches!(id.as_str(), "fyr" | "operator") {
            problems.push(problem(
                line,
                col(Field::Id),
                format!("person id `{id}` is reserved"),
                "give this person another id (Fyr's audit log uses `fyr` and `operator`)",
            ));
        } else if let Some((first, _)) = ids.get(&id) {
            problems.push(problem(
                line,
                col(Field::Id),
                format!("person id `{id}` is used twice (first on line {first})"),
                "every row needs its own person id: remove the duplicate row or correct the id",
            ));
        } else {
            ids.insert(id.clone(), (line, col(Field::Id)));
        }

        let name = match get(Field::Name) {
            Some(n) => n.to_string(),
            None => [get(Field::GivenName), get(Field::Surname)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        };
        if name.is_empty() {
            problems.push(problem(
                line,
                col(Field::Name),
                format!("person `{id}` has no name"),
                "fill in the name: Fyr greets people by their first name",
            ));
        }

        let unit_text = get(Field::Unit).unwrap_or("");
        let unit = match unit_by_key.get(&unit_text.to_lowercase()) {
            Some(u) => (*u).to_string(),
            None => {
                problems.push(problem(
                    line,
                    col(Field::Unit),
                    format!("unit `{unit_text}` of person `{id}` is not a [[unit]] of bot.toml"),
                    &format!(
                        "write the id or the name of one of bot.toml's units ({}), or add this unit to bot.toml",
                        unit_list()
                    ),
                ));
                String::new()
            }
        };

        let manager = get(Field::Manager).map(str::to_lowercase);
        if manager.as_deref() == Some(id.as_str()) {
            problems.push(problem(
                line,
                col(Field::Manager),
                format!("person `{id}` is their own manager"),
                "leave the manager empty for the top of the organisation, or name their own manager",
            ));
        }
        manager_at.push((line, col(Field::Manager)));

        let language = match get(Field::Language) {
            None => None,
            Some(l) => {
                let lang = match l.to_lowercase().as_str() {
                    "sv" | "sv-se" | "swedish" | "svenska" | "svensk" => Some(Language::Sv),
                    "da" | "da-dk" | "danish" | "dansk" | "danska" => Some(Language::Da),
                    "en" | "en-gb" | "en-us" | "english" | "engelska" | "engelsk" => {
                        Some(Language::En)
                    }
                    _ => None,
                };
                if lang.is_none() {
                    problems.push(problem(
                        line,
                        col(Field::Language),
                        format!("`{l}` is not a language Fyr speaks"),
                        "write sv, da or en, or leave it empty for the unit's language",
                    ));
                }
                lang
            }
        };

        let matrix = get(Field::Matrix).map(str::to_string);
        if let Some(m) = &matrix {
            if !(m.starts_with('@') && m.contains(':') && !m.contains(char::is_whitespace)) {
                problems.push(problem(
                    line,
                    col(Field::Matrix),
                    format!("`{m}` is not a Matrix user id"),
                    "write it as @name:server, e.g. @sara:example.org",
                ));
            } else if let Some(first) = matrix_ids.get(m) {
                problems.push(problem(
                    line,
                    col(Field::Matrix),
                    format!("the Matrix id `{m}` is given to two persons (also on line {first})"),
                    "each Matrix account belongs to one person: correct one of the two rows",
                ));
            } else {
                matrix_ids.insert(m.clone(), line);
            }
        }

        let discord = get(Field::Discord).and_then(|d| {
            let parsed = d.parse::<u64>().ok().filter(|n| *n > 0);
            match parsed {
                None => problems.push(problem(
                    line,
                    col(Field::Discord),
                    format!("`{d}` is not a Discord user id"),
                    "use the person's numeric user id (Discord: Developer Mode, then Copy User ID)",
                )),
                Some(n) => {
                    if let Some(first) = discord_ids.get(&n) {
                        problems.push(problem(
                            line,
                            col(Field::Discord),
                            format!(
                                "the Discord id `{n}` is given to two persons (also on line {first})"
                            ),
                            "each Discord account belongs to one person: correct one of the two rows",
                        ));
                    } else {
                        discord_ids.insert(n, line);
                    }
                }
            }
            parsed
        });

        let email = get(Field::Email).map(str::to_string);
        if let Some(e) = &email {
            if !e.contains('@') || e.contains(char::is_whitespace) {
                problems.push(problem(
                    line,
                    col(Field::Email),
                    format!("`{e}` is not an e-mail address"),
                    "write the address as name@example.org, or leave the field empty",
                ));
            }
        }

        let mut roles = Vec::new();
        for part in get(Field::Role).unwrap_or("").split('|') {
            match Role::parse(part) {
                Some(Role::Employee) => {}
                Some(r) => roles.push(r),
                None => problems.push(problem(
                    line,
                    col(Field::Role),
                    format!("`{}` is not a role Fyr knows", part.trim()),
                    "use employee, manager, deputy, safety rep or on-call (several with |, e.g. manager|on-call), or leave it empty",
                )),
            }
        }

        persons.push(StaffPerson {
            id,
            name,
            unit,
            manager,
            language,
            matrix,
            discord,
            email,
            roles,
            line,
            id_column: col(Field::Id),
            role_column: col(Field::Role),
        });
    }

    // Managers: each must be a person of the directory, and the chains must end.
    let index: FxHashMap<&str, usize> = persons
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for (i, p) in persons.iter().enumerate() {
        if let Some(m) = &p.manager {
            if m != &p.id && !index.contains_key(m.as_str()) {
                let (line, column) = manager_at[i];
                problems.push(problem(
                    line,
                    column,
                    format!("manager `{m}` of person `{}` is not in the directory", p.id),
                    "add the manager's own row, correct the id, or leave the field empty",
                ));
            }
        }
    }
    // Follow every chain once; a chain that comes back to a person on it is a cycle, reported
    // once at the row of its first member in the file.
    let mut state = vec![0u8; persons.len()]; // 0 unseen, 1 on the current path, 2 done
    for start in 0..persons.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let cycle_start = path.iter().position(|&j| j == i).unwrap_or(0);
                    let cycle = &path[cycle_start..];
                    let first = cycle.iter().copied().min().unwrap_or(i);
                    let names: Vec<&str> = cycle
                        .iter()
                        .map(|&j| persons[j].id.as_str())
                        .chain(std::iter::once(persons[i].id.as_str()))
                        .collect();
                    if persons[i].manager.as_deref() != Some(persons[i].id.as_str()) {
                        let (line, column) = manager_at[first];
                        problems.push(problem(
                            line,
                            column,
                            format!("the managers go round in a circle: {}", names.join(" → ")),
                            "someone on this circle reports to someone outside it, or to nobody (an empty manager): correct that person's manager",
                        ));
                    }
                    break;
                }
                _ => {
                    state[i] = 1;
                    path.push(i);
                    at = persons[i]
                        .manager
                        .as_deref()
                        .and_then(|m| index.get(m).copied());
                }
            }
        }
        for j in path {
            state[j] = 2;
        }
    }

    if problems.is_empty() {
        Ok(persons)
    } else {
        problems.sort_by_key(|p| (p.line, p.column));
        Err(problems)
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_columns_skip_quoted_delimiters() {
        let text = "a;\"b;c\";d\n";
        assert_eq!(field_columns(text, 0, b';'), vec![1, 3, 9]);
    }
}

/// What a new configuration changes about the persons: who is new, who is gone, who moved to
/// another unit, and which units have another manager. Ids only, never names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<(String, String)>,
    pub removed: Vec<(String, String)>,
    /// (person, from unit, to unit)
    pub moved: Vec<(String, String, String)>,
    /// (unit, old manager, new manager)
    pub new_managers: Vec<(String, String, String)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.moved.is_empty()
            && self.new_managers.is_empty()
    }
}

/// Compare two configurations' persons and unit managers.
pub fn changes(old: &super::Config, new: &super::Config) -> Changes {
    let mut c = Changes::default();
    for p in &new.persons {
        match old.person(p.id.as_str()) {
            None => c
                .added
                .push((p.id.as_str().to_string(), p.unit.as_str().to_string())),
            Some(o) if o.unit != p.unit => c.moved.push((
                p.id.as_str().to_string(),
                o.unit.as_str().to_string(),
                p.unit.as_str().to_string(),
            )),
            Some(_) => {}
        }
    }
    for p in &old.persons {
        if new.person(p.id.as_str()).is_none() {
            c.removed
                .push((p.id.as_str().to_string(), p.unit.as_str().to_string()));
        }
    }
    for u in &new.units {
        if let Some(o) = old.unit(&u.id) {
            if o.manager != u.manager {
                c.new_managers.push((
                    u.id.as_str().to_string(),
                    o.manager.as_str().to_string(),
                    u.manager.as_str().to_string(),
                ));
            }
        }
    }
    c
}
