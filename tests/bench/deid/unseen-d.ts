/**
 * Independent batch D: 44 notes written on 2026-12-08 between about 03:28 and 03:50 UTC by the engineer
 * working on issue #18 in a new session, BEFORE the detector's source (libs/deid/src) was opened and
 * before any miss or note of batches A-C was read (only `corpus.ts`'s header and types were read, to
 * learn the markup). Written from the shapes the issue lists and from clinical practice: UK, Irish,
 * Welsh, Scottish and US notes, hurried lower-case typing, fragments, pasted Unicode (non-breaking and
 * zero-width spaces, full-width digits), ages over 89 in words or for a relative, labelled numbers,
 * employers, schools, relatives, dates without a year, places; plus identifier-free notes and
 * false-positive traps (doses, labs, scores, codes, "3/7" durations, drugs, eponyms, abbreviations).
 * Held out: scored and committed before any tuning; tuning uses batches A, B and C only, and batch D's
 * misses are read once, for the final report.
 *
 * Same markup and conventions as `corpus.ts` (employers are NAME; schools are ADDRESS, as in batches B and C);
 * everything invented: NHS, H&C and CHI numbers with valid check digits generated at random, PPSNs with
 * valid check letters, QQ-prefixed National Insurance numbers, Ofcom drama-range and 555-01xx phone
 * numbers, documentation-range IP addresses, example.* domains.
 */
import type { CorpusNote } from './corpus';

export const unseenDCorpus: CorpusNote[] = [
  {
    id: 'und-01',
    topic: 'hurried GP telephone note, England, lower case',
    marked:
      't/c with dtr [[NAME:rose]] re mum [[NAME:edith parkes]] [[AGE:ninety-two]]. more confused since [[DATE:sat 14th]], ?uti. dip neg last wk. plan msu, bloods. dtr mob [[PHONE:07700 900418]]',
  },
  {
    id: 'und-02',
    topic: 'Welsh community nursing visit',
    marked:
      'DN visit. [[NAME:Gwilym ap Rhys]], 78, leg ulcer L gaiter, 4-layer compression re-applied, ABPI 0.9. Lives alone at [[ADDRESS:Tŷ Newydd, Llanidloes SY18 6EX]]. Son [[NAME:Dafydd]] works at [[NAME:Dŵr Cymru]] in [[ADDRESS:Newtown]]. Next visit [[DATE:Thurs 3rd]].',
  },
  {
    id: 'und-03',
    topic: 'Irish discharge letter',
    marked:
      'Dear Dr [[NAME:Ó Briain]], Re: [[NAME:Siobhán Ní Mhurchú]], DOB [[DATE:02/09/1958]], PPSN [[ID:7809820K]], [[ADDRESS:Knockaun, Ballinasloe, Co. Galway H53 R2Y6]]. Admitted with CAP (CURB-65 2), treated with amoxicillin 1 g TDS and clarithromycin 500 mg BD for 5/7. Please review in 6/52.',
  },
  {
    id: 'und-04',
    topic: 'identifier-free trap: cardiology ward round',
    marked:
      'WR: NSTEMI day 2. Trop 48 → 312 ng/L. BP 128/76, HR 64, SpO2 97% RA. GRACE 132. Plan angio Monday, continue aspirin 75 mg OD, ticagrelor 90 mg BD, fondaparinux 2.5 mg SC OD, atorvastatin 80 mg ON. Echo: EF 45%, LAD territory hypokinesis.',
  },
  {
    id: 'und-05',
    topic: 'Scottish ED note with CHI',
    marked:
      'ED. CHI [[ID:2409927955]]. [[NAME:Morag MacLeod]] from [[ADDRESS:Stornoway]], visiting sister in [[ADDRESS:Kirkcaldy]]. FOOSH on [[DATE:5/12]], tender ASB, XR no #, treat as scaphoid, futura splint, fracture clinic 10/7. GCS 15/15.',
  },
  {
    id: 'und-06',
    topic: 'US primary care, ZIP after town',
    marked:
      'Pt [[NAME:Darnell Hughes]], 54M, DM2 A1c 8.4%, on metformin 1000 mg BID. Moved to [[ADDRESS:Dayton, OH 45409]] from [[ADDRESS:Tucson]] in [[DATE:March]] of last year. Works at [[NAME:Kroger]] distribution. SSN [[ID:521-67-3084]]. Cell [[PHONE:(937) 555-0142]].',
  },
  {
    id: 'und-07',
    topic: 'psychiatry liaison, lower case, employer no cue',
    marked:
      "seen on ward 7. [[NAME:kieran o'donnell]] 33, od 24 paracetamol approx 36h ago, NAC completed. lost job at [[NAME:royal mail]] in [[DATE:august last year]], partner [[NAME:shona]] left. no SI today. gp dr [[NAME:patel]] at the elms surgery to be informed.",
  },
  {
    id: 'und-08',
    topic: 'paediatric safeguarding, school',
    marked:
      'Strategy discussion re [[NAME:Tyler-Jay Brooks]] (DOB [[DATE:17.06.2017]]), Year 4 at [[ADDRESS:Kingsmead Primary]]. Bruising L upper arm noted by teacher Mrs [[NAME:Okafor]] on [[DATE:Tues 21st]]. Mum [[NAME:Chantelle]], stepdad [[NAME:Lee Marsh]]. Address [[ADDRESS:14 Coronation Terrace, Gateshead NE8 1QX]].',
  },
  {
    id: 'und-09',
    topic: 'pasted referral with non-breaking spaces',
    marked:
      'Referral pasted from PDF: Name: [[NAME:HARTLEY, Margaret]] NHS\u00a0No: [[ID:614\u00a0030\u00a05543]] Hosp\u00a0No: [[ID:RX1 204417]] Tel: [[PHONE:0113\u00a0496\u00a00721]]. Reason: 2WW ?colorectal, FIT 212 µg/g, Hb 98 g/L.',
  },
  {
    id: 'und-10',
    topic: 'identifier-free trap: diabetes clinic',
    marked:
      'T1DM clinic. HbA1c 71 mmol/mol (was 78). TIR 52%, TBR 3%. Basal glargine 22u, ratio 1:10 breakfast, 1:12 lunch/dinner, ISF 1:3. Hypos 2/52 ago x2 after exercise. Foot check: monofilament 10/10 both feet. BMI 27.4. Eyes R0M0.',
  },
  {
    id: 'und-11',
    topic: 'Northern Ireland GP letter with H&C',
    marked:
      'H&C no. [[ID:221 839 6602]]. Mr [[NAME:Seamus Quinn]], [[ADDRESS:22 Glen Road, Newry BT34 2LS]], seen [[DATE:12 Nov]] with haemoptysis x1, ex-smoker 30 pack-years. Urgent CXR requested. Wife [[NAME:Bernadette]] phone [[PHONE:028 9649 6117]].',
  },
  {
    id: 'und-12',
    topic: 'care home review, age over 89 for relative',
    marked:
      'care home review. [[NAME:albert hingley]] 84, vascular dementia, MMSE 14/30. wife [[NAME:ivy]] [[AGE:93]] visits daily from [[ADDRESS:oldbury]]. weight 58.2 kg, MUST 1. fluids encouraged. next review mid jan',
  },
  {
    id: 'und-13',
    topic: 'full-width digits pasted from an email',
    marked:
      'Email from ward clerk: patient [[NAME:Priya Raman]], NHS [[ID:９６８ ３２５ ４４０３]], booked for colonoscopy [[DATE:22/01]]. Bowel prep Plenvu 2 sachets. Contact [[EMAIL:priya.raman84@example.com]].',
  },
  {
    id: 'und-14',
    topic: 'prison healthcare',
    marked:
      'HMP reception screen. Prison no. [[ID:A4821KD]]. [[NAME:Jason Whitlock]] 29, opiate dependence, methadone 60 ml daily confirmed with community team at [[ADDRESS:Wythenshawe]]. Last use yesterday [[DATE:02/12]]. BBV screen offered. NOK mother [[NAME:Tracy Whitlock]] [[PHONE:0161 496 0533]].',
  },
  {
    id: 'und-15',
    topic: 'identifier-free trap: eponyms and scores',
    marked:
      "Neuro: R Bell's palsy, House-Brackmann III. Started prednisolone 50 mg OD 10/7 and aciclovir. No features of Ramsay Hunt. Background Graves' disease on carbimazole, Parkinson's in father. NIHSS 0. Babinski downgoing. Rinne +ve both ears, Weber central.",
  },
  {
    id: 'und-16',
    topic: 'midwifery booking, Welsh',
    marked:
      'Booking appt. [[NAME:Ffion Llywelyn]], G2P1, LMP [[DATE:03/08]], EDD [[DATE:10/05/2027]]. Lives [[ADDRESS:Blaenau Ffestiniog]], partner [[NAME:Iwan]] works for [[NAME:Natural Resources Wales]]. BMI 31, low-dose aspirin 150 mg ON from 12/40. Community MW [[NAME:Nia Hughes]] [[PHONE:029 2018 0364]].',
  },
  {
    id: 'und-17',
    topic: 'US ED triage, fragments',
    marked:
      '67F, CP x2h, radiates L arm. Hx HTN, HLD. Meds lisinopril 20 mg, atorvastatin 40. MRN [[ID:00482751]]. Daughter [[NAME:Keisha]] at bedside, lives [[ADDRESS:Cleveland Heights, OH 44118]]. EKG NSR, no STE. Trop pending. PCP Dr. [[NAME:Feldman]].',
  },
  {
    id: 'und-18',
    topic: 'lower-case names that are words',
    marked:
      'hv note. baby [[NAME:grace]] 6/52 weight 4.6kg (25th centile). mum [[NAME:faith adeyemi]] feeling low, EPDS 14. dad [[NAME:will]] back at work. next hv contact [[DATE:wed 9th]]. ',
  },
  {
    id: 'und-19',
    topic: 'orthopaedic clinic letter, dates without year',
    marked:
      'Dear Dr [[NAME:Lewis]], I reviewed Mr [[NAME:Colin Ashworth]] on [[DATE:28th November]]. He had a L THR on [[DATE:3/10]] and has made good progress: Oxford hip score 38/48, walking 1 mile with 1 stick. XR satisfactory. Physio at Pure Sports Medicine continues. Review [[DATE:March]] next year.',
  },
  {
    id: 'und-20',
    topic: 'identifier-free trap: renal and bloods',
    marked:
      'U&E: Na 131, K 5.9, urea 18.4, creat 212 (baseline 140), eGFR 24. AKI stage 2. Stop ramipril and metformin. IV 0.9% NaCl 1 L over 8h. Repeat bloods in 6/24. ECG: peaked T waves, QRS 96 ms. Calcium gluconate 10% 30 ml given.',
  },
  {
    id: 'und-21',
    topic: 'Irish GP, lower case, townland and Eircode',
    marked:
      'house call. [[NAME:paddy gallagher]] [[AGE:ninety one]], falls x2 this wk, bp 104/60 standing. lives [[ADDRESS:drumkeeran, co leitrim n41 ye57]]. neighbour [[NAME:mary-kate]] checks on him. gp dr [[NAME:fitzgerald]]. rv fri week? no: rv [[DATE:20th]].',
  },
  {
    id: 'und-22',
    topic: 'occupational health, employer and NI number',
    marked:
      'OH referral from [[NAME:Allied Healthcare]]. Employee [[NAME:Dean Corrigan]], NI [[ID:QQ 48 21 93 C]], care assistant. Back pain since lifting incident on [[DATE:the 2nd]]. Fit for modified duties. Manager [[NAME:Sue Barraclough]] [[EMAIL:s.barraclough@allied-example.co.uk]].',
  },
  {
    id: 'und-23',
    topic: 'radiology request, accession number',
    marked:
      'CT request. [[NAME:Eleanor Vance]], NHS [[ID:696 511 6757]], acc no [[ID:RAD2291847]]. ?PE, Wells 6, D-dimer 1840. eGFR 68. Previous CTPA [[DATE:Sept 2023]] negative. Bleep 4471 for result.',
  },
  {
    id: 'und-24',
    topic: 'identifier-free trap: durations and codes',
    marked:
      'Cough 3/7, fever 2/7, no SOB. Sats 98%. Chest clear. Dx: URTI (ICD-10 J06.9, SNOMED 54150009). Safety-netted. Paracetamol 1 g QDS PRN max 4 g/24h. Return if not better in 1/52. FeverPAIN 1.',
  },
  {
    id: 'und-25',
    topic: 'Scottish discharge, surname first',
    marked:
      'Discharge: [[NAME:STEWART, Alasdair]], CHI [[ID:1306352711]], [[ADDRESS:7 Braeside Crescent, Fort William PH33 6RT]]. Adm [[DATE:30/11]] DKA, pH 7.12, ketones 5.8. Resolved on FRIII. Dc [[DATE:4/12]] on Novorapid/Levemir. DSN [[NAME:Fiona Grant]] to call. Employer [[NAME:Scottish Water]] informed re fitness.',
  },
  {
    id: 'und-26',
    topic: 'dementia assessment, spelled-out age and town',
    marked:
      'Memory clinic. Mrs [[NAME:Dorothy Pemberton]], aged [[AGE:ninety-five]], ACE-III 61/100. Widowed, lives in sheltered housing in [[ADDRESS:Harrogate]]. Son [[NAME:Richard]] in [[ADDRESS:Ripon]], [[PHONE:01632 960 284]]. Started donepezil 5 mg ON. Driving: DVLA informed.',
  },
  {
    id: 'und-27',
    topic: 'sexual health, URL and email',
    marked:
      'PN: results texted. CT NAAT pos. Doxycycline 100 mg BD 7/7. PN via [[URL:https://www.partner-notify.example.org/ref/88412]]. Pt [[NAME:Jordan]] prefers email [[EMAIL:jord4n.b@example.net]]. Clinic no. [[ID:SH-50713]]. Retest 3/12.',
  },
  {
    id: 'und-28',
    topic: 'identifier-free trap: anaesthetic record',
    marked:
      'ASA 2. Mallampati 2. GA: propofol 200 mg, fentanyl 100 mcg, rocuronium 50 mg. ETT 7.5 at 22 cm. Sevo MAC 1.0. Blood loss 250 ml. PONV prophylaxis ondansetron 4 mg, dexamethasone 6.6 mg. Extubated awake. Recovery NEWS2 1.',
  },
  {
    id: 'und-29',
    topic: 'hospital IT incident with IP and device',
    marked:
      'Datix: obs machine serial [[ID:WA-7731-0942]] on ward 12 recorded obs under wrong pt. Affected pt [[NAME:Ahmed Siddiqui]] hosp no [[ID:K2290417]]. Device IP [[IP:192.0.2.147]]. Reported by Staff Nurse [[NAME:Hollis]] [[DATE:06/12]] 03:40.',
  },
  {
    id: 'und-30',
    topic: 'lower-case welsh names and places',
    marked:
      'phone f/u. [[NAME:sioned]] from [[ADDRESS:machynlleth]] re her dad [[NAME:emrys pugh]], chest infection improving, on doxy day 4 of 5. still not eating much. she is worried. plan rv mon if no better. her no. [[PHONE:07700 900 772]]',
  },
  {
    id: 'und-31',
    topic: 'US discharge with street address',
    marked:
      'D/C summary. Pt [[NAME:Rosa Delgado-Martinez]], DOB [[DATE:11/23/1961]]. Address [[ADDRESS:4417 W Alameda Ave Apt 3B, Denver, CO 80219]]. Cholecystectomy [[DATE:12/01]], uncomplicated. F/u with Dr. [[NAME:Okonkwo]] in 2 wks. Ins. member ID [[ID:XKP448201937]].',
  },
  {
    id: 'und-32',
    topic: 'identifier-free trap: oncology regimen',
    marked:
      'C3D1 FOLFOX. Oxaliplatin 85 mg/m2, 5-FU 400 mg/m2 bolus then 2400 mg/m2 over 46h. Neuropathy grade 1 (CTCAE v5). Neut 1.8, plt 142. PS 1. CEA 12 → 6.4. Next cycle in 2/52, restaging CT after C6.',
  },
  {
    id: 'und-33',
    topic: 'mental health act, zero-width space pasted',
    marked:
      'S2 MHA. [[NAME:Lauren Fitch]] 24, NHS [[ID:879\u200b921\u200b5357]]. Brought by police from [[ADDRESS:Skegness]] bus station. AMHP [[NAME:Gary Noon]]. Mother [[NAME:Janet]] [[PHONE:0115 496 0189]]. Admitted to Peter Hodgkinson Centre? no - to ward 3.',
  },
  {
    id: 'und-34',
    topic: 'falls clinic, ordinal dates',
    marked:
      'Falls clinic. Mr [[NAME:Harold Ibbotson]], 88. Fell [[DATE:17th]] and again on [[DATE:the 23rd]], no LOC. Lying/standing BP 142/80 → 118/70. Stop doxazosin. Wife [[NAME:Maureen]] [[AGE:90]] also frail. Address [[ADDRESS:Flat 6, Priory Court, Barnsley S70 2HN]].',
  },
  {
    id: 'und-35',
    topic: 'ophthalmology, fragments',
    marked:
      'eye cas. [[NAME:m. kowalczyk]] 45M, welder at [[NAME:Tata Steel]] [[ADDRESS:Port Talbot]], FB R cornea, removed w/ 25G needle, rust ring burred. VA 6/9 R 6/6 L. chloramphenicol 0.5% QDS 5/7. rv 1/7 if pain.',
  },
  {
    id: 'und-36',
    topic: 'identifier-free trap: respiratory',
    marked:
      'COPD review. FEV1 1.12 L (46% pred), FEV1/FVC 0.52. GOLD 3, MRC 4, CAT 24. Inhalers: Trimbow 2 puffs BD, salbutamol PRN. 2 exacerbations in 12/12, 1 requiring pred 30 mg 5/7. PR referral. Sats 92% RA. Rescue pack issued.',
  },
  {
    id: 'und-37',
    topic: 'Irish maternity, accented names',
    marked:
      'Antenatal. [[NAME:Aoife Ní Dhomhnaill]], MRN [[ID:3030139]], 34+2. BP 148/96, PCR 42. Husband [[NAME:Cathal Ó Ceallaigh]] farms near [[ADDRESS:Clonakilty]]. Mother [[NAME:Nóirín]] on [[PHONE:087 555 2604]]. Delivery planned at CUMH. Labetalol 200 mg TDS.',
  },
  {
    id: 'und-38',
    topic: 'GP practice code and pharmacy',
    marked:
      'Rx query from pharmacy: [[NAME:Bhavna Shah]], NHS [[ID:701 982 9295]], registered GP practice [[ID:F84012]]. Sertraline 100 mg dispensed [[DATE:29/11]] but label says 50 mg. Pharmacist [[NAME:Tom Reilly]] at Well Pharmacy [[ADDRESS:Leytonstone]] [[PHONE:020 7946 0381]].',
  },
  {
    id: 'und-39',
    topic: 'US nursing home, age in words and ZIP',
    marked:
      'NH admit. [[NAME:Mildred Kowalski]], [[AGE:ninety-eight]] y/o F, from [[ADDRESS:Scranton, PA 18505]]. Hx CHF (EF 30%), AF on apixaban 2.5 mg BID. Grandson [[NAME:Tyler]] is POA, cell [[PHONE:570-555-0167]]. Admit wt 51 kg. Code status DNR/DNI per MOLST.',
  },
  {
    id: 'und-40',
    topic: 'identifier-free trap: hurried lower case ward note',
    marked:
      'pt comfortable. obs stable, news 2. drain 40ml serous. wound clean. mobilising w/ frame + 1. eating and drinking. bowels not opened 3/7, add senna 15mg on + lactulose 10ml bd. plan: physio, ot, ?home tues. ttos to pharmacy.',
  },
  {
    id: 'und-41',
    topic: 'paediatric ED, school and relatives',
    marked:
      "Paeds ED. [[NAME:Oscar Pennington]] 9y, fell off trampoline at [[ADDRESS:St Anselm's]] after-school club. Supracondylar # Gartland 2, neurovasc intact. Mum [[NAME:Harriet]] [[PHONE:0117 496 0856]], dad [[NAME:Nick]] at work at [[NAME:Airbus]] in [[ADDRESS:Filton]]. To theatre for K-wires.",
  },
  {
    id: 'und-42',
    topic: 'audiology letter, dates and vehicle',
    marked:
      'Audiology. Mr [[NAME:Kwame Asante]] seen [[DATE:Monday 16th]]. PTA: bilateral SNHL 45-60 dB. Fitted BTE aids. He drives a taxi for [[NAME:Streamline Taxis]] (vehicle reg [[ID:YX68 KTD]]), reminded re DVLA. Review [[DATE:Feb]] next year.',
  },
  {
    id: 'und-43',
    topic: 'identifier-free trap: psychiatry meds and scales',
    marked:
      'PHQ-9 19, GAD-7 15. Mirtazapine 30 mg ON, quetiapine 25 mg PRN. QTc 438 ms. Lithium 0.7 mmol/L, TSH 2.1. AUDIT-C 6. Risk: low. CPA review 4/52. Care co-ordinator to follow up. No changes today.',
  },
  {
    id: 'und-44',
    topic: 'hurried lower case, surname comma given, NHS run together',
    marked:
      "handover: [[NAME:o'neill, bridget]] bed 14, nhs [[ID:2926670672]], ?sepsis urine source, lactate 3.1, abx started 0210. son [[NAME:declan]] on way from [[ADDRESS:holyhead]]. adm [[DATE:sun 6th]].",
  },
];
