import { IdentifierKind, type Finding, scan, scanFields, scanFileName } from './index';

/** The [kind, text] pairs found, in order. */
const found = (text: string): [string, string][] => scan(text).map((f) => [f.kind, f.text]);
const kindsIn = (text: string): string[] => scan(text).map((f) => f.kind);

describe('IdentifierKind', () => {
  it('lists every kind the scanner can report', () => {
    expect(Object.values(IdentifierKind).sort()).toEqual(
      ['ADDRESS', 'AGE', 'DATE', 'EMAIL', 'ID', 'IP', 'NAME', 'PHONE', 'URL'].sort(),
    );
  });
});

describe('scan: text as people paste it', () => {
  // The same NHS number (valid check digit) in the forms a copy-paste or a phone keyboard produces.
  it.each([
    ['no-break spaces', '943\u00a0476\u00a05919'],
    ['thin and narrow no-break spaces', '943\u2009476\u202f5919'],
    ['zero-width spaces', '943\u200b476\u200b5919'],
    ['tabs', '943\t476\t5919'],
    ['soft hyphens', '943\u00ad476\u00ad5919'],
    ['full-width digits', '\uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19'],
    ['Arabic-Indic digits', '\u0669\u0664\u0663 \u0664\u0667\u0666 \u0665\u0669\u0661\u0669'],
    ['spelled out', 'nine four three four seven six five nine one nine'],
    ['spelled out in groups', 'Nine four three, four seven six, five nine one nine'],
    [
      'Devanagari digits and ideographic spaces',
      '\u096f\u096a\u0969\u3000\u096a\u096d\u096c\u3000\u096b\u096f\u0967\u096f',
    ],
  ])('finds the NHS number 943 476 5919 written with %s, at its place in the original', (_, number) => {
    const text = `Her number is ${number}. Seen today.`;
    const findings = scan(text);
    expect(findings).toEqual([
      { kind: 'ID', start: 14, end: 14 + number.length, text: number, reason: 'NHS number (valid check digit)' },
    ]);
  });

  it('keeps offsets into the original for every finding after an invisible character', () => {
    const text = 'Mrs\u00a0Mary\u00a0O’Neill\u200b, DOB \uff10\uff13/04/1961, tel 07700\u00a0900123';
    for (const f of scan(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found(text).map(([kind]) => kind)).toEqual(['NAME', 'DATE', 'PHONE']);
  });

  it('does not read number words in ordinary prose as digits', () => {
    expect(scan('One or two puffs, four times a day; review in three to five days.')).toEqual([]);
  });
});

describe('scan: names', () => {
  it.each([
    ['Mrs Mary O’Neill was seen today.', 'Mrs Mary O’Neill'],
    ['Reviewed by Dr. Okafor in clinic.', 'Dr. Okafor'],
    ['Seen with her son David, who drove.', 'David'],
    ['A man called Tadhg rang twice.', 'Tadhg'],
    ['Discussed with patient Sarah Jones.', 'Sarah Jones'],
    ['Kind regards,\nSiobhán Byrne', 'Siobhán Byrne'],
    ['Gráinne Ní Bhriain attended with her baby.', 'Gráinne Ní Bhriain'],
    ['Spoke to Mrs B about the plan.', 'Mrs B'],
    ['He works nights at Tesco.', 'Tesco'],
  ])('flags %j', (text, name) => {
    expect(found(text)).toContainEqual(['NAME', name]);
  });

  it('finds a name again once it has been flagged with strong evidence', () => {
    const text = 'Mrs Agnieszka Nowak is anxious. Agnieszka lives alone.';
    expect(found(text).filter(([k]) => k === 'NAME')).toEqual([
      ['NAME', 'Mrs Agnieszka Nowak'],
      ['NAME', 'Agnieszka'],
    ]);
  });

  it.each([
    "Parkinson's disease, Crohn's and Alzheimer's disease.",
    'Down syndrome and Hodgkin lymphoma in remission.',
    "Wilson's disease excluded; Gilbert's syndrome likely; Bell's palsy resolved.",
    'Metformin held. Sertraline continued. Apixaban stopped.',
    'Will review in 2 weeks. Frank haematuria resolved. May need cystoscopy. Grace period ends.',
    "Transferred to the Royal Victoria Hospital, then St James's Hospital.",
    'The Hub and Spoke teams met at the teleECHO session.',
    'Social Prescribing and the Community Mental Health Team agreed a plan.',
    'Glasgow Coma Scale 15, Barthel index 85, Beck Depression Inventory not used.',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scan: dates', () => {
  it.each([
    ['Seen on 12/03/2024.', '12/03/2024'],
    ['Started on 3 March 2024.', '3 March 2024'],
    ['Fell on March 3rd.', 'March 3rd'],
    ['Letter dated 2024-03-12.', '2024-03-12'],
    ['Admitted 12-Mar-24 with sepsis.', '12-Mar-24'],
    ['DNACPR signed on the 5th of June.', 'the 5th of June'],
    ['DOB: 14/07/1998', '14/07/1998'],
    ['Worse since March 2024.', 'March 2024'],
    ['MDT on Tuesday 9th January 2024.', 'Tuesday 9th January 2024'],
  ])('flags %j', (text, date) => {
    expect(found(text)).toEqual([['DATE', date]]);
  });

  it('flags a year of birth only when it implies an age over 89', () => {
    expect(found('Born in 1929, housebound.')).toEqual([['DATE', '1929']]);
    expect(scan('Born in 1990, works full time.')).toEqual([]);
  });

  it.each([
    'Diagnosed in 2019 and stable since 2015.',
    'Cough for 3/7, review in 2/52, symptoms for 6/12.',
    'MMSE 24/30, power 4/5, pain 7/10, VA 6/9, BP 142/88.',
    'Worse in March; seen on Tuesday; hypos at 03:00.',
    'Weight on the 9th centile.',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scan: ages', () => {
  it.each([
    ['A 92-year-old woman with falls.', '92-year-old'],
    ['She is aged 95.', 'aged 95'],
    ['age: 91', 'age: 91'],
    ['94yo lady with delirium', '94yo'],
    ['She celebrated her 100th birthday.', '100th birthday'],
  ])('flags %j', (text, age) => {
    expect(found(text)).toEqual([['AGE', age]]);
  });

  it.each(['A 67-year-old woman', 'aged 45', 'aged 89', 'age bands 60-69 and 90+', 'Temp 101F overnight'])(
    'does not flag %j',
    (text) => {
      expect(scan(text)).toEqual([]);
    },
  );
});

describe('scan: phones and emails', () => {
  it.each([
    ['Mobile 07700 900123', '07700 900123'],
    ['Call +44 7700 900123 today', '+44 7700 900123'],
    ['Home 020 7946 0958', '020 7946 0958'],
    ['Landline 028 9012 3456', '028 9012 3456'],
    ['Daughter on +353 87 123 4567', '+353 87 123 4567'],
    ['Fax (312) 555-0188', '(312) 555-0188'],
    ['Cell 415-555-0177', '415-555-0177'],
  ])('flags %j', (text, phone) => {
    expect(found(text)).toEqual([['PHONE', phone]]);
  });

  it('flags email addresses', () => {
    expect(found('Email karen.hughes71@gmail.com please')).toEqual([['EMAIL', 'karen.hughes71@gmail.com']]);
  });

  it.each(['Dose range 250-1000 mg', 'Insulin 10 units, metformin 500 mg', 'Creatinine 98, urea 7.2', 'QTc 480 ms'])(
    'does not flag %j',
    (text) => {
      expect(scan(text)).toEqual([]);
    },
  );
});

describe('scan: addresses', () => {
  it.each([
    ['Lives at 14 Elm Grove.', '14 Elm Grove'],
    ['Lives at Flat 3, 22 High Street, Oldham.', 'Flat 3, 22 High Street, Oldham'],
    ['Postcode BT7 1NN.', 'BT7 1NN'],
    ['Postcode SW1A 1AA.', 'SW1A 1AA'],
    ['Eircode D02 X285.', 'D02 X285'],
    ['Springfield, IL 62704', 'Springfield, IL 62704'],
    ['She lives in Carrickfergus now.', 'Carrickfergus'],
    ['Originally from Dingle, Co. Kerry.', 'Dingle, Co. Kerry'],
    // A ZIP code or a postcode district written after the town
    ['She lives in Springfield 62704 with her son.', 'Springfield 62704'],
    ['Lives at 12 High Street, Springfield 62704.', '12 High Street, Springfield 62704'],
    ['Moved to Cardiff CF14 last year.', 'Cardiff CF14'],
    ['Now living in Cork T12 near her daughter.', 'Cork T12'],
  ])('flags %j', (text, address) => {
    expect(found(text)).toEqual([['ADDRESS', address]]);
  });

  it.each([
    'Seen at Park Lane Surgery.',
    'Referred from Cardiology.',
    'Improved in Spring; trained in Motivational Interviewing.',
    'Fluent in Polish and English; arrived from Poland in 2019.',
    'Refer to the Falls Service in Antrim Area Hospital.',
    'A 5-digit number alone: 90210.',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it.each(['Back in Leeds on 12500 units of dalteparin daily.', 'Lives in Leeds 12500 units of heparin at home.'])(
    'does not take a dose after a town for a ZIP code: %j',
    (text) => {
      expect(found(text)).toEqual([['ADDRESS', 'Leeds']]);
    },
  );
});

describe('scan: identifiers', () => {
  it('flags an NHS number with a valid check digit and says so', () => {
    expect(scan('Referral for 943 476 5919 attached.')).toMatchObject([
      { kind: 'ID', text: '943 476 5919', reason: 'NHS number (valid check digit)' },
    ]);
  });

  it('ignores an unlabelled NHS-shaped number whose check digit is wrong', () => {
    expect(scan('Referral for 943 476 5918 attached.')).toEqual([]);
  });

  it('still flags an NHS-shaped number in explicit NHS context, noting the bad check digit', () => {
    expect(scan('NHS no: 943 476 5918')).toMatchObject([
      { kind: 'ID', text: '943 476 5918', reason: 'NHS number (check digit invalid)' },
    ]);
  });

  it('recognises a Northern Ireland Health and Care Number', () => {
    expect(scan('H&C 320 245 8116')).toMatchObject([
      { kind: 'ID', reason: 'Health and Care Number (valid check digit)' },
    ]);
  });

  it.each([
    ['SSN 123-45-6789', '123-45-6789'],
    ['MRN 12345678', '12345678'],
    ['Hosp no: RVB1234567', 'RVB1234567'],
    ['Hospital number K123456.', 'K123456'],
    ['serial no. SN-4471-XQ', 'SN-4471-XQ'],
    ['Van reg AB12 CDE', 'AB12 CDE'],
    ['VIN 1HGCM82633A004352', '1HGCM82633A004352'],
    ['PPSN 1234567T', '1234567T'],
    ['IBAN IE29 AIBK 9311 5212 3456 78', 'IE29 AIBK 9311 5212 3456 78'],
    ['Case ref: CS-2024-00123', 'CS-2024-00123'],
  ])('flags %j', (text, value) => {
    expect(found(text)).toEqual([['ID', value]]);
  });

  it.each([
    'PHQ-9 of 14, GAD-7 12, NEWS2 5, BMI 31.4, HbA1c 58 mmol/mol, eGFR 45.',
    'CHA2DS2-VASc 4, HAS-BLED 2, QRISK3 18%, T2N0M0, ICD-10 C61, NICE NG28.',
    'Call NHS 111 or 999.',
    'Vitamin B12 1 mg; K+ 4.1; Hb 11.2 g/dL.',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scan: URLs and IP addresses', () => {
  it.each([
    ['See https://example.org/patient/123.', 'URL', 'https://example.org/patient/123'],
    ['Page at www.gofundme.com/f/help-for-liam.', 'URL', 'www.gofundme.com/f/help-for-liam'],
    ['Posted on instagram.com/chloe.h.2007 today', 'URL', 'instagram.com/chloe.h.2007'],
    ['Joined from 192.168.1.47 twice', 'IP', '192.168.1.47'],
    ['Relay logged 2001:db8:85a3::8a2e:370:7334 too', 'IP', '2001:db8:85a3::8a2e:370:7334'],
  ])('flags %j', (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });

  it.each(['e.g. H. pylori i.e. negative', 'ratio 1:10 at 10:30:15', 'HLA-B*15:02', 'version v1.2.3.4', 'Hb 11.2.'])(
    'does not flag %j',
    (text) => {
      expect(scan(text)).toEqual([]);
    },
  );
});

describe('scan: findings', () => {
  const text =
    '🙂 Mrs Mary O’Neill, 92-year-old, DOB 02/11/1931, lives at 14 Elm Grove, Lisburn BT28 1AB; ' +
    'NHS 943 476 5919; mobile 07700 900123; mary.oneill@example.com; https://example.org/x; 10.0.0.7.';
  const findings = scan(text);

  it('reports every kind present with UTF-16 offsets whose slice is the text', () => {
    expect(findings.map((f) => f.kind)).toEqual([
      'NAME',
      'AGE',
      'DATE',
      'ADDRESS',
      'ID',
      'PHONE',
      'EMAIL',
      'URL',
      'IP',
    ]);
    for (const f of findings) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.reason.length).toBeGreaterThan(3);
    }
    // The emoji is a surrogate pair: two UTF-16 code units, then a space.
    expect(findings[0].start).toBe(3);
  });

  it('is sorted by start and never overlaps', () => {
    for (let i = 1; i < findings.length; i += 1) {
      expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
    }
  });

  it('prefers the more specific span when detectors disagree', () => {
    // The URL contains an IP and the email contains a name: one finding each.
    expect(found('Link http://81.2.69.160/uploads/x.jpg')).toEqual([['URL', 'http://81.2.69.160/uploads/x.jpg']]);
    expect(found('From sarah.jones@nhs.net')).toEqual([['EMAIL', 'sarah.jones@nhs.net']]);
  });

  it('returns nothing for empty text', () => {
    expect(scan('')).toEqual([]);
  });
});

describe('scanFields', () => {
  it('scans each field with offsets relative to that field', () => {
    const results = scanFields({
      title: 'Falls in a frail man',
      history: 'Seen by Dr Patel on 3 March 2024.',
      notes: undefined,
    });
    expect(results.map((f: Finding & { field: string }) => [f.field, f.kind, f.text, f.start])).toEqual([
      ['history', 'NAME', 'Dr Patel', 8],
      ['history', 'DATE', '3 March 2024', 20],
    ]);
    expect(kindsIn('Falls in a frail man')).toEqual([]);
  });
});

describe('scan: people in the room', () => {
  const knownPeople = ['Dr Ahmed Rahman', 'Siobhán McAllister', 'Ciara Quinn'];

  it('does not flag a name made only of the words of people taking part', () => {
    const text = 'Thanks Dr Rahman, and Siobhán McAllister for chairing. Ciara Quinn will send the slides.';
    expect(scan(text).filter((f) => f.kind === 'NAME').length).toBeGreaterThan(0);
    expect(scan(text, { knownPeople }).filter((f) => f.kind === 'NAME')).toEqual([]);
  });

  it('flags a name whose words belong to two different people present', () => {
    const found = scan('Patient Ciara McAllister was admitted.', { knownPeople });
    expect(found.map((f) => [f.kind, f.text])).toEqual([['NAME', 'Ciara McAllister']]);
  });

  it('still flags a patient, even one sharing a surname or given name with someone present', () => {
    const found = scan('Mrs Mary Quinn, NHS 943 476 5919, was seen by Dr Rahman.', { knownPeople });
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['NAME', 'Mrs Mary Quinn'],
      ['ID', '943 476 5919'],
    ]);
  });
});

describe('scanFileName', () => {
  it.each([
    ['John_Smith_CT.pdf', 'John Smith'],
    ['John-Smith-CT.pdf', 'John Smith'],
    ['John.Smith.CT.pdf', 'John Smith'],
    ['JohnSmith_CT.pdf', 'John Smith'],
    ['xray_12.03.1941.png', '12.03.1941'],
    ['referral-943-476-5919.pdf', '943 476 5919'],
  ])('flags %j', (name, text) => {
    expect(scanFileName(name).map((f) => f.text)).toContain(text);
  });

  it.each(['ECG_trace_v2.pdf', 'chest-xray-PA-view.png', 'PHQ-9_scores.pdf', 'HbA1c_trend.png'])(
    'does not flag %j',
    (name) => {
      expect(scanFileName(name)).toEqual([]);
    },
  );
});

describe("known places (the programme's own sites, in chat)", () => {
  const knownPlaces = ['Ards Community Hospital', 'Newtownards', 'Bradford Royal Infirmary', 'Bradford'];

  it('says where a colleague joins from without flagging it', () => {
    for (const text of ['Hello from Ards', 'Joining from Bradford', 'Hi all from Bradford Royal Infirmary']) {
      expect(scan(text).length).toBeGreaterThan(0); // flagged without the list…
      expect({ text, found: scan(text, { knownPlaces }) }).toEqual({ text, found: [] }); // …not with it
    }
  });

  it('still flags other places and every other identifier in the same message', () => {
    const found = scan('Hello from Ards, patient lives in Llandrindod Wells, NHS 943 476 5919', { knownPlaces });
    expect(found.map((f) => f.text)).toEqual(['Llandrindod Wells', '943 476 5919']);
  });
});

describe('scan: hurried notes and the shapes of issue 18', () => {
  it.each([
    [
      'seen mary with her son declan today',
      [
        ['NAME', 'mary'],
        ['NAME', 'declan'],
      ],
    ],
    ['tc from daughter (siobhan) re mum', [['NAME', 'siobhan']]],
    ['gp dr byrne aware', [['NAME', 'byrne']]],
    ['pt eileen o connor fell', [['NAME', 'eileen o connor']]],
    [
      'lives alone in ballymena, family in enniscorthy',
      [
        ['ADDRESS', 'ballymena'],
        ['ADDRESS', 'enniscorthy'],
      ],
    ],
    ['Seen in Llanelli last week', [['ADDRESS', 'Llanelli']]],
    ['his NI number is QQ 12 34 56 C', [['ID', 'QQ 12 34 56 C']]],
    ['MR# 00482913 clinic', [['ID', '00482913']]],
    ['H/No. 7731920.', [['ID', '7731920']]],
    ['hosp no k449103 admitted', [['ID', 'k449103']]],
    ['Registered with practice Y02906.', [['ID', 'Y02906']]],
    ['Prison no. A4417BC.', [['ID', 'A4417BC']]],
    ['a ninety-two-year-old man', [['AGE', 'ninety-two-year-old']]],
    ['She cares for her husband, 91, at home', [['AGE', '91']]],
    ['next visit thurs 12/6', [['DATE', '12/6']]],
    ['follow up 3rd of june', [['DATE', '3rd of june']]],
    ['Pt: DOHERTY, M. on ward 5', [['NAME', 'DOHERTY, M.']]],
    ['1. NÍ BHRIAIN, Eilís – wound', [['NAME', 'NÍ BHRIAIN, Eilís']]],
    ['Lives in BT47, near the bridge', [['ADDRESS', 'BT47']]],
    [
      'booked for Tues 4th and the 18th',
      [
        ['DATE', 'Tues 4th'],
        ['DATE', 'the 18th'],
      ],
    ],
  ])('flags %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('knows a colleague by name typed in lower case without accents', () => {
    expect(scan('thanks siobhan, and sinead too', { knownPeople: ['Siobhán McAllister', 'Sinéad Kelly'] })).toEqual([]);
  });

  it.each([
    'cough 3/7, fever 2/7, power 4/5, fu 6/52, gcs 14/15',
    'Wells score 2, Glasgow-Blatchford 6, on the 5th metatarsal',
    'jack of all trades, will harry the team, mark the chart',
    'Refer to the falls service in Antrim Area Hospital.',
    'he is 84 and walks 400 m; aged over 65',
    'PMH: COPD, Asthma, CKD. In CO2 retention; T2 and L4 levels; in NHS, Care homes',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scan: shapes read from notes written independently of the detector (batch B)', () => {
  it.each([
    ['wr - mrs gwenllian morgan, aki', [['NAME', 'gwenllian morgan']]],
    ['gp dr a. lloyd aware', [['NAME', 'a. lloyd']]],
    ['tc w/ sharon (dtr), mum unwell', [['NAME', 'sharon']]],
    ['seen with her son will.', [['NAME', 'will']]],
    [
      'nok bro seamus, 086 173 4410',
      [
        ['NAME', 'seamus'],
        ['PHONE', '086 173 4410'],
      ],
    ],
    ['PATIENT: NWOSU, Chiamaka', [['NAME', 'NWOSU, Chiamaka']]],
    ['works at jaguar land rover in the plant', [['NAME', 'jaguar land rover']]],
    ['OH referral from Tesco, back pain', [['NAME', 'Tesco']]],
    ['mother alive at ninety one', [['AGE', 'ninety one']]],
    ['Husband 99.', [['AGE', '99']]],
    [
      'edd 3/5, DOS: 11/14',
      [
        ['DATE', '3/5'],
        ['DATE', '11/14'],
      ],
    ],
    ['admitted the 19th, home now', [['DATE', 'the 19th']]],
    ['moved to reading last yr', [['ADDRESS', 'reading']]],
    ['now rg1 area', [['ADDRESS', 'rg1']]],
    ['addr: flat 3b, 27 glen rd', [['ADDRESS', 'flat 3b, 27 glen rd']]],
    [
      'Family in North Devon and Cumbria',
      [
        ['ADDRESS', 'North Devon'],
        ['ADDRESS', 'Cumbria'],
      ],
    ],
  ])('flags %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'dtr will ring back if no better by fri',
    'link worker call. waterlow 18, braden 14',
    'mild mr and tr on echo',
    'works with cattle; works nights',
    'ninety minutes of physio; ninety percent',
    'the 5th toe; the 2nd dose',
    'reading glasses lost; needs help in the bath',
    '40 min drive to clinic, 2 puffs bd',
    'pt on clari and sara stedy for transfers',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scan: dates in context (tuned on batches A-C, issue 18)', () => {
  it.each([
    ['Chemo completed 05/2022, well since', [['DATE', '05/2022']]],
    ['Palliative since August last year.', [['DATE', 'August last year']]],
    ['moved here in march of next year', [['DATE', 'march of next year']]],
    ['MRI brain 1/12. Acc awaited', [['DATE', '1/12']]],
    ['Last period 14/11. Test neg', [['DATE', '14/11']]],
    ['custody assessment 06/12 0310.', [['DATE', '06/12']]],
    ['bring to memory clinic 17th.', [['DATE', '17th']]],
  ])('flags %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'cough 3/7, fever 2/7',
    'MRI in 1/12, review 6/52',
    'symptoms started 3/7 ago',
    'rv 1/7 if pain',
    'fracture of the R 5th.',
    'fondaparinux 2.5 mg SC OD, BP 128/76, GCS 15/15',
    'took 12/20 tablets at 0300',
  ])('does not flag %j', (text) => {
    expect(scan(text)).toEqual([]);
  });
});
