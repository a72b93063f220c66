/**
 * Compact lists of common given names and surnames across the UK, Ireland and the US (several
 * generations, and the larger migrant communities). They add evidence to a capitalised word, and in
 * hurried lower-case notes a listed name that is no everyday word counts on its own or after a title
 * or cue ("son declan", "dr byrne"); the ambiguous ones need a surname, a title or a cue. The last
 * lines of the given names are Irish, Welsh and Scottish Gaelic ones in their usual spellings.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  words(`
  Mary Margaret Elizabeth Patricia Jennifer Linda Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Helen
  Sandra Donna Ruth Sharon Michelle Laura Kimberly Deborah Dorothy Amy Angela Ashley Brenda Emma Olivia
  Cynthia Marie Janet Catherine Katherine Kathryn Frances Christine Samantha Debra Rachel Carolyn Maria Diane
  Julie Joyce Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Gloria Teresa
  Theresa Ann Anne Anna Annie Sara Madison Janice Jean Alice Abigail Sophia Sophie Judy Julia Denise Doris
  Marilyn Danielle Beverly Isabella Isabelle Natalie Brittany Charlotte Kayla Alexis Lori Tiffany Chloe Emily
  Amelia Isla Ava Mia Ella Lily Freya Evie Millie Scarlett Zara Layla Aisha Fatima Ayesha Amira Priya Anjali
  Sunita Nisha Agnieszka Katarzyna Joanna Magdalena Ewa Aoife Niamh Siobhán Siobhan Saoirse Caoimhe Róisín
  Roisin Gráinne Grainne Orla Clodagh Fionnuala Dearbhla Sinéad Sinead Aisling Ciara Emer Máire Maeve Bríd
  Bridget Nuala Deirdre Eimear Fiadh Éabha Sadhbh Ailbhe Bernadette Colette Geraldine Eileen Kathleen
  Maureen Noreen Doreen Sheila Pauline Hilda Edith Ethel Gladys Mabel Agnes Winifred Elsie Irene Vera Peggy
  Marjorie Muriel Phyllis Beryl Sylvia Shirley Valerie Wendy Gillian Jill Tracey Tracy Nicola Kirsty Gemma
  Leanne Stacey Louise Lucy Hollie Keisha Tanisha Latoya Shanice Yolanda Dolores Guadalupe Carmen Rosa Lucia
  Ana Sofia Elena Mei Morag Eilidh Mhairi Fiona Moira Catriona Gwen Sian Siân Bethan Cerys Ffion Rhiannon
  Nia Carys Angharad Olwen Eleri Ellie Ellie-Mae Jodie Kerry-Ann Lorraine Jane Janine Kate Katie Rebecca
  Jenny Alison Allison Joanne Jo Kim Helena Eleanor Harriet Matilda Beatrice Edna Nora Norah Lena Ingrid
  James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
  Donald Steven Stephen Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey
  Ryan Jacob Gary Nicholas Eric Jonathan Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander
  Patrick Jack Dennis Jerry Tyler Aaron Jose Henry Adam Nathan Peter Zachary Kyle Walter Harold Jeremy
  Ethan Carl Keith Roger Gerald Terry Sean Seán Arthur Noah Lawrence Jesse Joe Bryan Billy Albert Dylan
  Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip Phillip
  Bobby Johnny Bradley Harry Oliver Charlie Alfie Oscar Leo Archie Theo Freddie Finley Mohammed Muhammad
  Mohammad Omar Hassan Abdul Yusuf Ibrahim Tariq Imran Bilal Rahul Arjun Sanjay Raj Vikram Amit Piotr
  Tomasz Krzysztof Marek Jakub Andrzej Pádraig Padraig Séamus Seamus Ciarán Ciaran Oisín Oisin Cathal Tadhg
  Eoin Darragh Cian Conor Connor Niall Declan Colm Donal Dónal Fergal Ronan Shane Liam Cormac Diarmuid Fionn
  Odhrán Rory Ruairí Brendan Dermot Kieran Ciarán Gerard Gerry Eamon Éamonn Malachy Fintan Emmet Aidan Kian
  Jamie Callum Lewis Dean Darren Craig Gareth Rhys Dafydd Emyr Gethin Iwan Owain Alasdair Alastair Hamish
  Angus Iain Ian Ewan Euan Fraser Duncan Marcus Terrence Jamal Malik Darnell Luis Carlos Jorge Miguel Pedro
  Diego Alejandro Wei Kofi Kwame Chinedu Emeka Tunde Desmond Derek Trevor Nigel Clive Colin Graham Stuart
  Neil Barry Malcolm Howard Leonard Cyril Bernard Reginald Wilfred Herbert Ernest Alfred Percy Sidney Cecil
  Gordon Hugh Ivan Wade Cody Travis Dustin Chad Brett Shawn Troy Curtis Glenn Harvey Kayden Jayden Aiden
  Brody Riley Reggie Tom Tommy Tony Steve Dave Mike Mick Jim Jimmy Danny Andy Sam Ben Dan Rob Matt Chris
  Nick Alex Jon Ken Eddie Ted Fred Stan Len Vic Pete Wes Zach Josh Gabriel Lucas Mason Elijah Caleb Isaac
  Levi Owen Luke Jake Kai Zain Ayaan Rohan Kiran Deepak Anil Sunil Vijay Ravi Mehmet Ahmet Mustafa Kemal
  Dimitri Nikolai Sergei Andrei Mihai Ion Florin Bogdan Vasile Giuseppe Marco Luca Antonio Francesco Pierre
  Jean-Paul François Hans Klaus Jürgen Lars Sven Anders Nils
  Bronagh Fiachra Mairéad Ailbhe Aisling Bláthnaid Clíodhna Damhnait Éabha Fionnghuala Gobnait Íde Laoise Meadhbh
  Muireann Nuala Orlaith Réaltín Sadhbh Síle Treasa Úna Aodhán Ardal Ciarán Colm Cormac Dáithí Donncha Donnacha
  Eoghan Fearghal Feidhlim Lorcán Mícheál Naoise Odhrán Peadar Proinsias Rónán Ruadhán Tomás
  Sioned Llinos Siôn Gwenllian Rhodri Morwenna Tegwen Gruffydd Ieuan Meinir Angharad Bethan Branwen
  Catrin Eirlys Eleri Elin Gwawr Gwenan Gwyneth Heledd Llio Lowri Manon Nerys Rhian Rhiannon Siwan Tegan Aled
  Alun Arwel Berwyn Cadfan Cledwyn Deiniol Dewi Dyfan Dyfrig Eifion Elfed Emyr Gareth Geraint Gethin Goronwy Gwion
  Hefin Hywel Idris Iestyn Ifan Ifor Iolo Islwyn Llŷr Meirion Osian Owain Peredur Tudur Trystan Tomos
  Ailsa Lachlan Murdo Ishbel Torquil Seonaid Wullie Alasdair Alastair Catriona Eilidh Ealasaid Iain Kirsteen Mhairi
  Morag Oighrig Peigi Rhona Seumas Sìne Somhairle Fionnlagh Coinneach Ruaraidh Ruaridh Ruairidh Struan Tormod
  Uisdean Eachann Dòmhnall Calum Hamish
  `),
);

/**
 * Given names that are also ordinary words, months, places or surnames ("Will review", "Frank
 * haematuria", "Grace period", "May need", "Royal Victoria Hospital"). Alone they are never flagged.
 */
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = new Set(
  words(`
  May June April August Will Grace Hope Faith Joy Mark Frank Bill Rose Dawn Holly Ivy Iris Amber Pat Sue Art
  Bob Don Guy Victoria Florence Sandy Penny Max Crystal Ruby Summer Heather Daisy Poppy Jasmine Hazel Olive
  Violet Rowan Robin Jay Drew Chase Hunter Carter Harper Jordan Georgia Virginia Austin Sydney Chester
  Lincoln Kerry Clare Shannon Christian Earl Ray Dale Glen Eve Carol Gene Jade Pearl Chelsea Miles Norman
  Stanley Douglas Tyrone Derry Angel Lee Ali Kelly Marina Paige Brooke Autumn Skye Ellis Misty Sunny Rocky
  Major Rich Patience Precious Destiny Sonny Clay Reed Gray Grey Page Mercy Charity Honor Honour Addison
  Gilbert Wilson Graves Bell Turner Bishop
  `),
);

export const SURNAMES: ReadonlySet<string> = new Set(
  words(`
  Smith Jones Williams Taylor Brown Davies Davis Evans Wilson Thomas Roberts Johnson Lewis Walker Robinson
  Wood Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin Clarke Clark James Morgan
  Hughes Edwards Hill Moore Harrison Scott Young Morris Hall Ward Turner Carter Phillips Mitchell Patel Adams
  Campbell Anderson Allen Cook Bailey Parker Miller Murphy Price Bell Baker Griffiths Kelly Simpson Marshall
  Collins Bennett Cox Richardson Fox Gray Grey Rose Chapman Hunt Robertson Shaw Reynolds Lloyd Ellis Richards
  Russell Wilkinson Khan Graham Stewart Reid Murray Powell Palmer Holmes Rogers Stevens Walsh Hunter Thomson
  Matthews Ross Owen Mason Knight Kennedy Butler Saunders Ahmed Ali Hussain Begum Singh Kaur Shah Sharma
  Chowdhury Rahman Islam Akhtar Iqbal Malik Nowak Kowalski Kowalczyk Wiśniewski Lewandowski Wójcik Kamiński
  Zieliński Szymański O'Neill O'Brien O'Sullivan O'Connor O'Reilly O'Donnell O'Doherty O'Connell O'Kane
  O'Hare O'Neil Byrne Ryan Quinn Devlin McCann Maguire Fitzgerald Fitzpatrick Nolan Brennan Kavanagh Ferguson
  Boyle Lynch Donnelly Doherty Gallagher McLaughlin McGrath McDonald MacDonald McKenna McCarthy McGuinness
  McAllister McBride McCormack McKeown McNally McLean McKenzie MacKenzie McIntyre Mulholland Hamilton Irwin
  Gilmore Reilly Keane Dunne Doyle Daly Dolan Duffy Hegarty Hennessy Higgins Horgan Kearney Kenny Lawlor
  Lyons Moran Mullan Nugent Power Regan Sheehan Sweeney Tierney Whelan Carroll Casey Cassidy Conway Corrigan
  Crowley Cullen Curran Farrell Flanagan Flynn Foley Gorman Healy Hogan Kane Keating Kerr Maher Molloy
  Mooney Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera
  Gomez Diaz Cruz Reyes Morales Ortiz Gutierrez Chavez Ruiz Alvarez Castillo Jimenez Romero Nguyen Tran Pham
  Kim Park Chen Wang Li Zhang Liu Yang Huang Wong Chan Washington Jefferson Okafor Okonkwo Adeyemi Mensah
  Owusu Jenkins Perry Patterson Foster Sanders Bryant Griffin Hayes Myers Ford Wallace Woods Cole West
  Jordan Henderson Coleman Simmons Barnes Fisher Sullivan Harper Dunn Baxter Pearson Hartley Webb Bishop
  Barker Gibson Lawrence Stone Spencer Dixon Holland Burns Andrews Fletcher Day Ball Hart Grant Hudson
  Armstrong Berry Elliott Jennings Pearce Atkinson Warren Cunningham Harvey Lane Black Mills Carr Newman
  Sutton Gill Hamid Sorensen Larsen Jensen Hansen Schmidt Müller Weber Rossi Russo Silva Santos Pereira
  Oliveira Costa Ferreira Novak Popescu Ionescu Okoye Eze Bello Abubakar
  `),
);
