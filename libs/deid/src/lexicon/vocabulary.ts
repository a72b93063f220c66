/**
 * Capitalised words that are never names or places: they start sentences and headings, name services,
 * specialties, scales and ECHO roles. Used by the name and place detectors to reject candidates.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

export const MONTHS: ReadonlySet<string> = new Set(
  words(`January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`),
);

export const WEEKDAYS: ReadonlySet<string> = new Set(
  words(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
  Today Tonight Yesterday Tomorrow Christmas Easter`),
);

export const TITLES: ReadonlySet<string> = new Set(
  words(`Mr Mrs Ms Miss Mx Dr Prof Professor Sister Sr Nurse Rev Revd Fr Father Cllr Sir Dame Lady Lord St Saint`),
);

/** Ordinary sentence words, section headings and pronouns. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(`
  The A An He She They It We I You His Her Hers Their Our My Your Its This That These Those There Here When
  Where What Who Whom Why How If And But Or Nor So Then Also Both Either Neither No Not Yes On In At For From
  To With Without By Of As After Before Since Until Please Thanks Thank Dear Hi Hello Re Plan Impression
  Assessment History Background Concern Concerns Question Questions Summary Update Note Notes Case Presenter
  Presentation Diagnosis Medication Medications Meds Allergies Examination Exam Investigations Results
  Social Family Past Current Previous Recent Next Last First Second Third Other Some Any All Each Every Many
  Most Much More Less Few Several One Two Three Four Five Six Seven Eight Nine Ten Started Stopped Continue
  Continued Review Reviewed Seen Saw Discussed Agreed Advised Referred Referral Discharged Admitted
  Presented Attends Attended Lives Lived Living Works Worked Has Had Have Is Was Were Are Be Been Being Do
  Does Did Can Could Would Should Must Might Shall New Old Good Poor Well Unwell Known Likely Possible
  Pt Patient Patients Client Resident Person People Man Woman Lady Gentleman Boy Girl Child Children Baby
  Mum Mom Mother Dad Father Parent Parents Son Daughter Wife Husband Partner Carer Carers Brother Sister
  Sibling Grandson Granddaughter Grandmother Grandfather Neighbour Neighbor Friend Relative Kin Nearest
  Timeline Contacts Contact Address Phone Mobile Email Tel Fax Name DOB Age Sex Gender Weight Height Signed
  Regards Kind Best Wishes Many Cheers Sincerely Yours Faithfully Signature Ref Eircode Postcode Zip
  Tier Band Stage Year Years Step Level Grade Class Section Type Phase Part Week Weeks Day Days Month Months
  Room Bed Bay Ward Wards Side Floor Unit Session Sessions Module Series Cycle Dose Score Scale Index
  Test Total Median Mean Average Normal Abnormal Positive Negative High Low Left Right Bilateral Anti
  Happy Home Housebound Independent Respite Safeguarding Information Governance
  Link Worker Please Zoom Video Remote Virtual Upload Uploads Logs Log Portal Link Resources Police
  North South East West Northern Southern Eastern Western Central Upper Lower Greater New United Republic
  `),
);

/** Services, teams, specialties, roles and ECHO vocabulary. */
export const SERVICE_WORDS: ReadonlySet<string> = new Set(
  words(`
  Hub Spoke Spokes ECHO TeleECHO Team Teams Service Services Clinic Clinics Hospital Hospitals Hospice Surgery
  Practice Centre Center Unit Trust Board Care Health Healthcare Mental Community Prescribing Prescriber Nurse
  Nurses Nursing Doctor Doctors Consultant Consultants Practitioner Practitioners Specialist Specialists
  Pharmacist Pharmacists Pharmacy Therapy Therapist Therapists Occupational Physiotherapy Physio District
  Memory Rehab Rehabilitation Pulmonary Cardiac Diabetes Diabetic Primary Secondary Acute Emergency
  Department Council Authority School Schools College University Group Groups Shed Action Foundation
  Association Society Charity Coordinator Manager Lead Director Programme Program Panel Network Medical
  General Royal National Regional Local County Crisis Home Day Night Outpatient Outpatients Inpatient
  Admiral Curie Macmillan Samaritans Age Alzheimer's Dementia Stroke Heart Lung Kidney Liver Cancer
  Cardiology Neurology Psychiatry Psychology Paediatrics Pediatrics Radiology Oncology Haematology
  Hematology Dermatology Gastroenterology Urology Respiratory Rheumatology Endocrinology Orthopaedics
  Medicine Physiotherapy Podiatry Dietetics Radiotherapy Obstetrics Gynaecology Geriatrics Palliative
  Microbiology Pathology Immunology Nephrology Ophthalmology Audiology Dietitian Midwife Midwifery Health
  Visitor Visitors Social Worker Workers Link Perinatal Maternity Neonatal Intensive Critical Theatre
  Theatres Pathway Register Registry Audit Governance Safeguarding Protection Services Benefits Housing
  Smoking Stop Weight Management Walking Exercise Choir Befriending Prescription Prescriptions Dispensary
  Datix DVLA MARAC CAMHS CMHT CRHT OOH HSE NHS GP Gardaí Garda Police Ambulance Paramedic Paramedics
  `),
);

/** Countries, nationalities, languages and US states: not small enough to identify anyone. */
export const LARGE_PLACES: ReadonlySet<string> = new Set(
  words(`
  Ireland Irish England English Scotland Scottish Wales Welsh Britain British UK Europe European America
  American Africa African Asia Asian Poland Polish Romania Romanian Lithuania Lithuanian Latvia Latvian
  Nigeria Nigerian Ghana Ghanaian India Indian Pakistan Pakistani Bangladesh Bangladeshi China Chinese
  Syria Syrian Ukraine Ukrainian Russia Russian Spain Spanish Portugal Portuguese Brazil Brazilian Italy
  Italian France French Germany German Turkey Turkish Somalia Somali Sudan Sudanese Eritrea Eritrean
  Afghanistan Afghan Iran Iranian Iraq Iraqi Philippines Filipino Mexico Mexican Canada Canadian Australia
  Australian Jamaica Jamaican Zimbabwe Kenya Kenyan Arabic Urdu Punjabi Bengali Hindi Gujarati Tamil
  Cantonese Mandarin Gaelic Irish-speaking Alabama Alaska Arizona Arkansas California Colorado Connecticut
  Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
  Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
  Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Carolina Dakota Jersey
  Hampshire Mexico York Islands Island Instagram Facebook TikTok YouTube WhatsApp Twitter Google Dropbox
  `),
);

/**
 * Words after a capitalised run that mark it as an eponym or a scale rather than a person
 * ("Parkinson's disease", "Hodgkin lymphoma", "Glasgow Coma Scale", "Lewy body").
 */
export const EPONYM_AFTER =
  /^(?:['’]s?)?[ \t-]+(?:disease|syndrome|palsy|phenomenon|lymphoma|sarcoma|tumou?r|test|sign|score|scale|index|inventory|criteria|classification|stage|staging|body|bodies|reflex|manoeuvre|maneuver|procedure|operation|fracture|ulcer|oesophagus|esophagus|contracture|disorder|dementia|ataxia|dystrophy|anomaly|anaemia|anemia|encephalopathy|neuroma|cyst|node|nodes|line|tube|catheter|coma|postnatal|depression|hip|cognitive|clinical|frailty|chart|rule|method|questionnaire)\b/i;

/** Words after a capitalised run that make it an institution, not a person or a place. */
export const INSTITUTION_AFTER =
  /^(?:['’]s?)?[ \t]+(?:Hospital|Hospice|Clinic|Surgery|Practice|Medical|Health|Healthcare|Centre|Center|School|Primary|Academy|College|University|Trust|Team|Service|Services|Unit|Ward|Pharmacy|Chemist|Library|Church|Mosque|Temple|Council|Hall|Station|Airport|Prison|Nursing|Care\s+Home|House|Court\s+Hospital|Project|Foundation|Charity|Society|Association)\b/;

/**
 * Scales, drugs and aids spelled like people's names ("Braden 14", "clari", "Sara Stedy", "Allegra"):
 * never read as names, however the name lists change.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  words(`braden waterlow norton barthel clari bili sara stedy allegra lyrica tena rotunda`),
);
