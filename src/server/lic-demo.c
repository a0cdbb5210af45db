/* lic-demo.c
 *
 * The demo: a Swedish municipality with a compulsory school and an upper secondary school, a
 * Finnish town with one comprehensive school, about 600 people in classes, a library of
 * products from four suppliers, and a few pools with licenses already assigned. Names are drawn
 * from a GRand with a fixed seed, so every run makes the same people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-demo.h"
#include "lic-password.h"

#define DEMO_SEED 20261123

enum { SUNDBY, KOIVULA };
enum { EKBACKE, SOLBERGA, KOIVULA_SCHOOL };
enum { NORDLAR, KIELIVERKKO, SCRIPTORIA, LUMO };
enum {
  MATTEMOLNET, LASLYFTET, KEMILABBET, KLASSRUMSPLANEN, SANASTO, KIELIKOMPASSI, RUOTSIA,
  CODEQUEST, WRITER, HISTORY_ATLAS, NOTVERKSTADEN, BILDRUMMET, LUKUPOLKU, FYSIKFABRIKEN,
};

static const LicDemoOrganization organizations[] = {
  [SUNDBY] = { "Sundby kommun", "SEK", "SE", "sv" },
  [KOIVULA] = { "Koivulan kaupunki", "EUR", "FI", "fi" },
};

static const LicDemoSchool schools[] = {
  [EKBACKE] = { SUNDBY, "Ekbackeskolan" },
  [SOLBERGA] = { SUNDBY, "Solbergagymnasiet" },
  [KOIVULA_SCHOOL] = { KOIVULA, "Koivulan yhtenäiskoulu" },
};

static const char * const suppliers[] = {
  [NORDLAR] = "Nordlär AB",
  [KIELIVERKKO] = "Kieliverkko Oy",
  [SCRIPTORIA] = "Scriptoria Education",
  [LUMO] = "Lumo Learning Oy",
};

/* The keys docs/api.md gives out, for trying supplier deliveries by hand. */
static const char * const supplier_keys[] = {
  [NORDLAR] = "demo-key-nordlar",
  [KIELIVERKKO] = "demo-key-kieliverkko",
  [SCRIPTORIA] = "demo-key-scriptoria",
  [LUMO] = "demo-key-lumo",
};

static const LicDemoProduct products[] = {
  [MATTEMOLNET] = {
    NORDLAR, "Mattemolnet", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DIRECT, 12,
    "Adaptive maths practice that follows each pupil's pace, with short daily exercises and "
    "progress reports for the teacher.",
    "Anpassningsbar matteträning som följer varje elevs takt, med korta dagliga övningar och "
    "lägesrapporter till läraren.",
    "Mukautuva matematiikan harjoitusympäristö, joka etenee jokaisen oppilaan omaan tahtiin. "
    "Opettaja saa lyhyistä päivittäisistä tehtävistä selkeät edistymisraportit.",
    { "mathematics" }, { "primary" }, { { "SEK", 12900 }, { "EUR", 1190 } },
  },
  [LASLYFTET] = {
    NORDLAR, "Läslyftet Digital", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DIRECT, 12,
    "Reading practice for the early years: levelled e-books read aloud, with word games that "
    "build fluency.",
    "Lästräning för de första skolåren: e-böcker i olika svårighetsgrader med uppläsning och "
    "ordlekar som bygger upp läsflytet.",
    "Lukemisen harjoittelua alkuopetukseen: eritasoisia e-kirjoja ääneen luettuina sekä "
    "sanapelejä, jotka sujuvoittavat lukemista.",
    { "swedish" }, { "preschool", "primary" }, { { "SEK", 9900 } },
  },
  [KEMILABBET] = {
    NORDLAR, "Kemilabbet 3D", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DELAYED, 12,
    "A virtual chemistry lab with safe 3D experiments, guided lab reports and ready-made "
    "lessons that follow the curriculum.",
    "Ett virtuellt kemilabb med säkra experiment i 3D, guidade labbrapporter och färdiga "
    "lektioner kopplade till kursplanen.",
    "Virtuaalinen kemian laboratorio, jossa tehdään turvallisia 3D-kokeita. Mukana on ohjattuja "
    "työselostuksia ja opetussuunnitelmaan sopivia valmiita tunteja.",
    { "science" }, { "lower_secondary", "upper_secondary" }, { { "SEK", 15900 }, { "EUR", 1490 } },
  },
  [KLASSRUMSPLANEN] = {
    NORDLAR, "Klassrumsplanen", LIC_LICENSE_MODEL_PER_SCHOOL, LIC_DELIVERY_ACTIVATION_MAIL, 12,
    "A planning tool for the whole school: shared lesson plans, timetables and assessment "
    "matrices in one place.",
    "Ett planeringsverktyg för hela skolan: gemensamma lektionsplaneringar, scheman och "
    "bedömningsmatriser på ett ställe.",
    "Koko koulun suunnittelutyökalu: yhteiset tuntisuunnitelmat, lukujärjestykset ja "
    "arviointimatriisit yhdessä paikassa.",
    { "general" }, { "preschool", "primary", "lower_secondary" },
    { { "SEK", 2490000 }, { "EUR", 229000 } },
  },
  [SANASTO] = {
    KIELIVERKKO, "Sanasto Pro", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DIRECT, 12,
    "A vocabulary trainer for Finnish as a mother tongue and as a second language, with spaced "
    "repetition and pronunciation exercises.",
    "Ordträning i finska som modersmål och som andraspråk, med repetition i lagom takt och "
    "uttalsövningar.",
    "Sanastovalmentaja suomi äidinkielenä ja toisena kielenä -opetukseen. Kertaus ajoittuu "
    "oppimisen mukaan, ja mukana on ääntämisharjoituksia.",
    { "finnish", "languages" }, { "primary", "lower_secondary" }, { { "EUR", 890 } },
  },
  [KIELIKOMPASSI] = {
    KIELIVERKKO, "Kielikompassi", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_ACTIVATION_MAIL, 12,
    "A course platform for English, German and Spanish with listening tasks, speaking practice "
    "and automatic marking.",
    "En kursplattform för engelska, tyska och spanska med hörövningar, muntlig träning och "
    "automatisk rättning.",
    "Kieltenopiskelun alusta englantiin, saksaan ja espanjaan: kuuntelutehtäviä, suullisia "
    "harjoituksia ja automaattinen tarkistus.",
    { "english", "languages" }, { "lower_secondary", "upper_secondary" },
    { { "SEK", 10900 }, { "EUR", 990 } },
  },
  [RUOTSIA] = {
    KIELIVERKKO, "Ruotsia rennosti", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DELAYED, 12,
    "Swedish for Finnish-speaking pupils in grades 7–9: everyday dialogues, short videos and "
    "grammar in small steps.",
    "Svenska för finskspråkiga elever i årskurs 7–9: vardagliga dialoger, korta videor och "
    "grammatik i små steg.",
    "Ruotsia suomenkielisille yläkoululaisille: arkisia dialogeja, lyhyitä videoita ja "
    "kielioppia pienin askelin.",
    { "swedish", "languages" }, { "lower_secondary" }, { { "EUR", 1090 }, { "SEK", 11900 } },
  },
  [CODEQUEST] = {
    SCRIPTORIA, "CodeQuest", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DIRECT, 12,
    "Learn to program by solving quests, from block coding to Python, with a teacher dashboard "
    "and nothing to install.",
    "Lär dig programmera genom att lösa uppdrag, från blockprogrammering till Python, med en "
    "lärarvy och utan installation.",
    "Ohjelmoinnin oppimista tehtäviä ratkomalla palikkaohjelmoinnista Pythoniin. Opettajalla on "
    "oma näkymänsä, eikä mitään tarvitse asentaa.",
    { "programming", "mathematics" }, { "primary", "lower_secondary" },
    { { "SEK", 14900 }, { "EUR", 1390 } },
  },
  [WRITER] = {
    SCRIPTORIA, "Scriptoria Writer", LIC_LICENSE_MODEL_PER_TEACHER,
    LIC_DELIVERY_ACTIVATION_MAIL, 12,
    "A writing assistant for teachers: set essay tasks, give feedback in the margin and follow "
    "each student's drafts.",
    "En skrivassistent för lärare: ge skrivuppgifter, kommentera i marginalen och följ varje "
    "elevs utkast.",
    "Kirjoittamisen apuväline opettajalle: anna kirjoitustehtäviä, kommentoi marginaaliin ja "
    "seuraa jokaisen opiskelijan luonnoksia.",
    { "english", "languages" }, { "lower_secondary", "upper_secondary" },
    { { "SEK", 49900 }, { "EUR", 4590 } },
  },
  [HISTORY_ATLAS] = {
    SCRIPTORIA, "History Atlas", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DELAYED, 12,
    "Interactive maps that show how borders, trade routes and cities changed from the Stone Age "
    "to today.",
    "Interaktiva kartor som visar hur gränser, handelsvägar och städer har förändrats från "
    "stenåldern till i dag.",
    "Vuorovaikutteisia karttoja, jotka näyttävät, miten rajat, kauppareitit ja kaupungit ovat "
    "muuttuneet kivikaudesta nykypäivään.",
    { "social_studies" }, { "lower_secondary", "upper_secondary" },
    { { "SEK", 8900 }, { "EUR", 820 } },
  },
  [NOTVERKSTADEN] = {
    LUMO, "Notverkstaden", LIC_LICENSE_MODEL_PER_TEACHER, LIC_DELIVERY_DIRECT, 12,
    "Compose, play and record music in the browser while the whole class plays together on "
    "virtual instruments.",
    "Komponera, spela och spela in musik i webbläsaren medan hela klassen spelar tillsammans på "
    "virtuella instrument.",
    "Säveltäkää, soittakaa ja äänittäkää musiikkia selaimessa; koko luokka voi soittaa yhdessä "
    "virtuaalisoittimilla.",
    { "music" }, { "primary", "lower_secondary" }, { { "SEK", 39900 }, { "EUR", 3690 } },
  },
  [BILDRUMMET] = {
    LUMO, "Bildrummet", LIC_LICENSE_MODEL_PER_SCHOOL, LIC_DELIVERY_DELAYED, 12,
    "A digital studio for art lessons: drawing, image editing and stop-motion animation, with a "
    "shared class gallery.",
    "En digital ateljé för bildlektionerna: teckning, bildbehandling och stop motion-animation, "
    "med ett gemensamt klassgalleri.",
    "Digitaalinen ateljee kuvataiteen tunneille: piirtämistä, kuvankäsittelyä ja stop motion "
    "-animaatiota sekä luokan yhteinen galleria.",
    { "arts" }, { "primary", "lower_secondary", "upper_secondary" },
    { { "SEK", 1590000 }, { "EUR", 145000 } },
  },
  [LUKUPOLKU] = {
    LUMO, "Lukupolku", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_ACTIVATION_MAIL, 12,
    "Support for pupils with reading and writing difficulties: text-to-speech, adjustable fonts "
    "and short guided exercises.",
    "Stöd för elever med läs- och skrivsvårigheter: talsyntes, justerbara typsnitt och korta "
    "guidade övningar.",
    "Tukea oppilaille, joilla on lukemisen ja kirjoittamisen vaikeuksia: puhesynteesi, "
    "säädettävät kirjasimet ja lyhyitä ohjattuja harjoituksia.",
    { "special_needs", "finnish", "swedish" }, { "preschool", "primary" },
    { { "SEK", 13900 }, { "EUR", 1290 } },
  },
  [FYSIKFABRIKEN] = {
    NORDLAR, "Fysikfabriken", LIC_LICENSE_MODEL_PER_STUDENT, LIC_DELIVERY_DIRECT, 12,
    "Physics simulations for upper secondary school: mechanics, electricity and waves, with "
    "measurement tasks whose data can be exported.",
    "Fysiksimuleringar för gymnasiet: mekanik, elektricitet och vågrörelse, med mätuppgifter "
    "vars data kan exporteras.",
    "Fysiikan simulaatioita lukioon: mekaniikkaa, sähköoppia ja aaltoliikettä sekä "
    "mittaustehtäviä, joiden tulokset voi viedä muihin ohjelmiin.",
    { "science", "mathematics" }, { "upper_secondary" }, { { "SEK", 13900 }, { "EUR", 1290 } },
  },
};

static const char * const swedish_first_names[] = {
  "Ebba", "Alice", "Maja", "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Selma", "Alma",
  "Agnes", "Ella", "Signe", "Saga", "Vera", "Stella", "Ines", "Ellen", "Linnea", "Klara",
  "Tyra", "Juni", "Elvira", "Nora", "Ida", "Hedda", "Märta", "Siri", "Tilde", "Lova",
  "William", "Liam", "Noah", "Hugo", "Lucas", "Oscar", "Elias", "Oliver", "Adam", "Alexander",
  "Nils", "Leo", "Ludvig", "Axel", "Vincent", "Theo", "Viktor", "Albin", "Gustav", "Arvid",
  "Edvin", "Isak", "Filip", "Melvin", "Sixten", "Harry", "Olle", "Erik", "Måns", "Björn",
};

static const char * const swedish_last_names[] = {
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
  "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
  "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist",
  "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist",
  "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
  "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
  "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist",
  "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist",
  "Claesson",
};

static const char * const finnish_first_names[] = {
  "Aino", "Eevi", "Helmi", "Sofia", "Ella", "Olivia", "Lilja", "Aada", "Isla", "Enni",
  "Venla", "Kerttu", "Emma", "Iida", "Pihla", "Elli", "Saana", "Vilma", "Siiri", "Hilla",
  "Leo", "Eino", "Väinö", "Elias", "Onni", "Oliver", "Vilho", "Toivo", "Eetu", "Veeti",
  "Aarni", "Niilo", "Lauri", "Otto", "Joel", "Akseli", "Valtteri", "Aleksi", "Juho", "Matias",
};

static const char * const finnish_last_names[] = {
  "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
  "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
  "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
  "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Hiltunen",
  "Leinonen", "Miettinen", "Manninen", "Aaltonen", "Pitkänen", "Lappalainen", "Kallio",
  "Hakala", "Anttila",
};

static const char * const ekbacke_classes[] = {
  "FA", "FB", "1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B",
  "5A", "5B", "6A", "6B", "7A", "7B", "8A", "8B", "9A", "9B", NULL,
};
static const char * const solberga_classes[] = {
  "NA24", "NA25", "NA26", "SA24", "SA25", "SA26", "TE24", "TE25", "TE26", NULL,
};
static const char * const koivula_classes[] = {
  "1A", "1B", "2A", "2B", "3A", "3B", "4A", "5A", "6A", "7A", "8A", "9A", NULL,
};

typedef struct
{
  const char *email_domain;
  gboolean finnish;
  const char * const *classes;
  int min_class_size;
  int max_class_size;
} SchoolPlan;

static const SchoolPlan school_plans[] = {
  [EKBACKE] = { "ekbacke.example.se", FALSE, ekbacke_classes, 13, 18 },
  [SOLBERGA] = { "solberga.example.se", FALSE, solberga_classes, 15, 20 },
  [KOIVULA_SCHOOL] = { "koivula.example.fi", TRUE, koivula_classes, 8, 13 },
};

typedef struct
{
  const char *username;
  const char *name;
  const char *email;
  guint school;
  gboolean organization_admin;
} DemoAccount;

/* The accounts docs/api.md promises; their password is their username. */
static const DemoAccount accounts[] = {
  { "demo-admin", "Eva Lindqvist", "eva.lindqvist@sundby.example.se", EKBACKE, TRUE },
  { "demo-school", "Johan Berglund", "johan.berglund@ekbacke.example.se", EKBACKE, FALSE },
  { "demo-fi", "Liisa Koskinen", "liisa.koskinen@koivula.example.fi", KOIVULA_SCHOOL, TRUE },
};

typedef struct
{
  guint school;
  guint product;
  const char * const classes[9];    /* NULL-terminated: whose students are assigned; none: the
                                       teachers */
  const char *term_end;              /* MM-DD: the day the term ends, in the year it comes */
} PoolPlan;

static const PoolPlan pool_plans[] = {
  { EKBACKE, MATTEMOLNET, { "1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B" }, "07-31" },
  { EKBACKE, LASLYFTET, { "FA", "FB", "1A", "1B", "2A", "2B" }, "07-31" },
  { EKBACKE, CODEQUEST, { "7A", "7B", "8A", "8B", "9A", "9B" }, "06-30" },
  { EKBACKE, WRITER, { NULL }, "01-31" },
  { SOLBERGA, KEMILABBET, { "NA24", "NA25", "NA26" }, "06-30" },
  { SOLBERGA, HISTORY_ATLAS, { "SA24", "SA25", "SA26" }, "08-15" },
  { KOIVULA_SCHOOL, SANASTO, { "1A", "1B", "2A", "2B", "3A", "3B", "4A", "5A" }, "07-31" },
  { KOIVULA_SCHOOL, RUOTSIA, { "7A", "8A", "9A" }, "05-31" },
};

/* A demo's terms end at least this long after it is loaded, so that a demo never starts with a
 * term ending (and its users losing access) under it. */
#define TERM_END_AFTER_DAYS 60

#define ASSIGNED_AT "2026-08-17T07:30:00Z"

static void
clear_group (gpointer data)
{
  LicDemoGroup *group = data;

  g_free (group->name);
}

static void
clear_user (gpointer data)
{
  LicDemoUser *user = data;

  g_free (user->username);
  g_free (user->name);
  g_free (user->email);
  g_free (user->password_hash);
}

static void
clear_pool (gpointer data)
{
  LicDemoPool *pool = data;

  g_array_unref (pool->users);
}

static guint
add_group (LicDemo    *self,
           guint       school,
           const char *name)
{
  LicDemoGroup group = { school, g_strdup (name) };

  g_array_append_val (self->groups, group);
  return self->groups->len - 1;
}

/* "Märta Sjöberg" → "marta.sjoberg", then "marta.sjoberg2" and so on if it is taken. */
static char *
make_username (GHashTable *taken,
               const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *base = g_ascii_strdown (ascii, -1);
  char *username;

  g_strdelimit (base, " ", '.');
  username = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (taken, username); n++)
    {
      g_free (username);
      username = g_strdup_printf ("%s%u", base, n);
    }
  g_hash_table_add (taken, username);
  return g_strdup (username);
}

static void
add_person (LicDemo    *self,
            GRand      *rand,
            GHashTable *taken,
            guint       school,
            LicRole     role,
            int         group)
{
  const SchoolPlan *plan = &school_plans[school];
  const char * const *first = plan->finnish ? finnish_first_names : swedish_first_names;
  const char * const *last = plan->finnish ? finnish_last_names : swedish_last_names;
  int n_first = plan->finnish ? G_N_ELEMENTS (finnish_first_names)
                              : G_N_ELEMENTS (swedish_first_names);
  int n_last = plan->finnish ? G_N_ELEMENTS (finnish_last_names)
                             : G_N_ELEMENTS (swedish_last_names);
  LicDemoUser user = { 0 };

  user.school = school;
  user.name = g_strdup_printf ("%s %s", first[g_rand_int_range (rand, 0, n_first)],
                               last[g_rand_int_range (rand, 0, n_last)]);
  user.username = make_username (taken, user.name);
  user.email = g_strdup_printf ("%s@%s", user.username, plan->email_domain);
  user.role = role;
  user.admin_school = -1;
  user.group = group;
  g_array_append_val (self->users, user);
}

static void
add_school_people (LicDemo    *self,
                   GRand      *rand,
                   GHashTable *taken,
                   guint       school)
{
  const SchoolPlan *plan = &school_plans[school];
  guint first_group = self->groups->len;
  guint n_classes = g_strv_length ((char **) plan->classes);
  guint n_students = 0;
  guint n_teachers;

  for (guint c = 0; c < n_classes; c++)
    {
      guint group = add_group (self, school, plan->classes[c]);
      int size = g_rand_int_range (rand, plan->min_class_size, plan->max_class_size + 1);

      for (int i = 0; i < size; i++)
        add_person (self, rand, taken, school, LIC_ROLE_STUDENT, group);
      n_students += size;
    }

  /* About 8 % teachers, each the mentor of one class. */
  n_teachers = n_students * 8 / 100;
  for (guint i = 0; i < n_teachers; i++)
    add_person (self, rand, taken, school, LIC_ROLE_TEACHER, first_group + i % n_classes);

  /* A principal who administers the school but has no password here, and an office clerk. */
  add_person (self, rand, taken, school, LIC_ROLE_ADMINISTRATOR, -1);
  g_array_index (self->users, LicDemoUser, self->users->len - 1).admin_school = school;
  add_person (self, rand, taken, school, LIC_ROLE_ADMINISTRATOR, -1);
}

static gboolean
add_accounts (LicDemo     *self,
              GHashTable  *taken,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      LicDemoUser user = { 0 };

      user.password_hash = lic_password_hash (accounts[i].username, error);
      if (user.password_hash == NULL)
        return FALSE;
      user.school = accounts[i].school;
      user.username = g_strdup (accounts[i].username);
      user.name = g_strdup (accounts[i].name);
      user.email = g_strdup (accounts[i].email);
      user.role = LIC_ROLE_ADMINISTRATOR;
      user.organization_admin = accounts[i].organization_admin;
      user.admin_school = accounts[i].organization_admin ? -1 : (int) accounts[i].school;
      user.group = -1;
      g_array_append_val (self->users, user);
      g_hash_table_add (taken, g_strdup (user.username));
    }
  return TRUE;
}

static gboolean
is_pool_user (LicDemo        *self,
              const PoolPlan *plan,
              LicDemoUser    *user)
{
  const char *group;

  if (user->school != plan->school)
    return FALSE;
  if (plan->classes[0] == NULL)
    return user->role == LIC_ROLE_TEACHER;
  if (user->role != LIC_ROLE_STUDENT || user->group < 0)
    return FALSE;
  group = g_array_index (self->groups, LicDemoGroup, user->group).name;
  return g_strv_contains ((const char * const *) plan->classes, group);
}

/* The first @month_day (MM-DD) at least TERM_END_AFTER_DAYS after @today, as YYYY-MM-DD,
 * owned by @self. */
static const char *
term_end (LicDemo    *self,
          GDateTime  *today,
          const char *month_day)
{
  g_autoptr(GDateTime) earliest = g_date_time_add_days (today, TERM_END_AFTER_DAYS);
  g_autofree char *from = g_date_time_format (earliest, "%Y-%m-%d");
  char *date = g_strdup_printf ("%04d-%s", g_date_time_get_year (earliest), month_day);

  if (strcmp (date, from) < 0)
    {
      g_free (date);
      date = g_strdup_printf ("%04d-%s", g_date_time_get_year (earliest) + 1, month_day);
    }
  g_ptr_array_add (self->strings, date);
  return date;
}

static void
add_pools (LicDemo   *self,
           GRand     *rand,
           GDateTime *today)
{
  for (guint p = 0; p < G_N_ELEMENTS (pool_plans); p++)
    {
      LicDemoPool pool = { 0 };

      pool.school = pool_plans[p].school;
      pool.product = pool_plans[p].product;
      pool.term_end = term_end (self, today, pool_plans[p].term_end);
      pool.assigned_at = ASSIGNED_AT;
      pool.users = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint u = 0; u < self->users->len; u++)
        {
          /* A few pupils of each class are left without, as in any real school. */
          if (is_pool_user (self, &pool_plans[p], &g_array_index (self->users, LicDemoUser, u))
              && g_rand_int_range (rand, 0, 100) >= 6)
            g_array_append_val (pool.users, u);
        }
      /* Bought in fives, with a few to spare. */
      pool.quantity_paid = (pool.users->len / 5 + 1) * 5;
      g_array_append_val (self->pools, pool);
    }
}

/* The large municipality of --demo-users: schools of about CITY_SCHOOL_SIZE people, classes
 * of about CITY_CLASS_SIZE pupils, and a pool of each of city_products at every school that
 * gives about 91 % of its pupils and teachers a license, so that a user has about ten. */

#define CITY_SCHOOL_SIZE 500
#define CITY_CLASS_SIZE 25
#define CITY_SHARE 91                 /* per cent of the users of a school in each pool */

static const char city_marker[] = "demo-city";

static const LicDemoOrganization city_organizations[] = {
  { "Storå kommun", "SEK", "SE", "sv" },
};

static const char * const city_school_names[] = {
  "Almskolan", "Björkskolan", "Ekskolan", "Granskolan", "Hasselskolan", "Lindskolan",
  "Lönnskolan", "Rönnskolan", "Tallskolan", "Aspskolan", "Enskolan", "Sälgskolan",
};

static const guint city_products[] = {
  MATTEMOLNET, LASLYFTET, KEMILABBET, KIELIKOMPASSI, RUOTSIA, CODEQUEST, WRITER, HISTORY_ATLAS,
  NOTVERKSTADEN, LUKUPOLKU, FYSIKFABRIKEN,
};

/* "Märta Sjöberg" → "marta.sjoberg.1", "marta.sjoberg.2" and so on: the dot before the number
 * keeps them apart from the usernames of the small demo. */
static char *
make_city_username (GHashTable *counts,
                    const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  char *base = g_ascii_strdown (ascii, -1);
  guint n;

  g_strdelimit (base, " ", '.');
  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, base)) + 1;
  g_hash_table_replace (counts, base, GUINT_TO_POINTER (n));
  return g_strdup_printf ("%s.%u", base, n);
}

static void
add_city_person (LicDemo    *self,
                 GRand      *rand,
                 GHashTable *counts,
                 guint       school,
                 LicRole     role,
                 int         group)
{
  int n_first = G_N_ELEMENTS (swedish_first_names);
  int n_last = G_N_ELEMENTS (swedish_last_names);
  LicDemoUser user = { 0 };

  user.school = school;
  user.name = g_strdup_printf ("%s %s", swedish_first_names[g_rand_int_range (rand, 0, n_first)],
                               swedish_last_names[g_rand_int_range (rand, 0, n_last)]);
  user.username = make_city_username (counts, user.name);
  user.email = g_strdup_printf ("%s@stora.example.se", user.username);
  user.role = role;
  user.admin_school = -1;
  user.group = group;
  g_array_append_val (self->users, user);
}

/* One school of @size people: pupils in classes, about 8 % teachers, two administrators. */
static void
add_city_school (LicDemo    *self,
                 GRand      *rand,
                 GHashTable *counts,
                 guint       school,
                 guint       size)
{
  guint n_admins = MIN (size, 2);
  guint n_teachers = (size - n_admins) * 8 / 100;
  guint n_students = size - n_admins - n_teachers;
  guint n_classes = MAX (1, n_students / CITY_CLASS_SIZE);
  guint first_group = self->groups->len;

  for (guint c = 0; c < n_classes; c++)
    {
      /* 1A … 9A, 1B … 9B and so on. */
      g_autofree char *name = g_strdup_printf ("%u%c", c % 9 + 1, 'A' + (int) (c / 9) % 26);

      if (c >= 9 * 26)
        {
          g_free (name);
          name = g_strdup_printf ("%u%c%u", c % 9 + 1, 'A' + (int) (c / 9) % 26, c / (9 * 26));
        }
      add_group (self, school, name);
    }
  for (guint i = 0; i < n_students; i++)
    add_city_person (self, rand, counts, school, LIC_ROLE_STUDENT, first_group + i % n_classes);
  for (guint i = 0; i < n_teachers; i++)
    add_city_person (self, rand, counts, school, LIC_ROLE_TEACHER, first_group + i % n_classes);
  for (guint i = 0; i < n_admins; i++)
    add_city_person (self, rand, counts, school, LIC_ROLE_ADMINISTRATOR, -1);
}

static void
add_city_pools (LicDemo   *self,
                GRand     *rand,
                GDateTime *today,
                guint      first_user)
{
  const char *city_term_end = term_end (self, today, "07-31");

  for (guint school = 0; school < self->n_schools; school++)
    for (guint p = 0; p < G_N_ELEMENTS (city_products); p++)
      {
        LicDemoPool pool = { 0 };

        pool.school = school;
        pool.product = city_products[p];
        pool.term_end = city_term_end;
        pool.assigned_at = ASSIGNED_AT;
        pool.users = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (self->pools, pool);
      }

  /* Users come school by school: one pass hands each its licenses. */
  for (guint u = first_user; u < self->users->len; u++)
    {
      const LicDemoUser *user = &g_array_index (self->users, LicDemoUser, u);

      if (user->role == LIC_ROLE_ADMINISTRATOR)
        continue;
      for (guint p = 0; p < G_N_ELEMENTS (city_products); p++)
        if (g_rand_int_range (rand, 0, 100) < CITY_SHARE)
          g_array_append_val (g_array_index (self->pools, LicDemoPool,
                                             user->school * G_N_ELEMENTS (city_products) + p).users,
                              u);
    }
  for (guint p = 0; p < self->pools->len; p++)
    {
      LicDemoPool *pool = &g_array_index (self->pools, LicDemoPool, p);

      pool->quantity_paid = (pool->users->len / 5 + 1) * 5;
    }
}

/**
 * lic_demo_new_city:
 * @n_users: about how many people the municipality has (at least 1)
 *
 * The municipality of --demo-users: "Storå kommun" with a school for every
 * %CITY_SCHOOL_SIZE people, its organization admin `demo-city` (password `demo-city`) and
 * about ten licenses for every pupil and teacher. Load it after the demo, whose products it
 * uses. The same @n_users makes the same data on every call, but for the year the terms end in:
 * the first 31 July at least 60 days after @today.
 *
 * Returns: (transfer full): the data
 */
LicDemo *
lic_demo_new_city (guint       n_users,
                   GDateTime  *today,
                   GError    **error)
{
  g_autoptr(LicDemo) self = g_new0 (LicDemo, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED + n_users);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LicDemoSchool *city_schools;
  LicDemoUser account = { 0 };
  guint n_schools = MAX (1, (n_users + CITY_SCHOOL_SIZE / 2) / CITY_SCHOOL_SIZE);

  g_return_val_if_fail (n_users > 0, NULL);

  self->marker = city_marker;
  self->shares_library = TRUE;
  self->organizations = city_organizations;
  self->n_organizations = G_N_ELEMENTS (city_organizations);
  self->products = products;
  self->n_products = G_N_ELEMENTS (products);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  city_schools = g_new0 (LicDemoSchool, n_schools);
  self->schools = city_schools;
  self->n_schools = n_schools;
  for (guint i = 0; i < n_schools; i++)
    {
      char *name = g_strdup_printf ("%s %u",
                                    city_school_names[i % G_N_ELEMENTS (city_school_names)],
                                    i / (guint) G_N_ELEMENTS (city_school_names) + 1);

      g_ptr_array_add (self->strings, name);
      city_schools[i].organization = 0;
      city_schools[i].name = name;
    }
  self->groups = g_array_new (FALSE, FALSE, sizeof (LicDemoGroup));
  g_array_set_clear_func (self->groups, clear_group);
  self->users = g_array_sized_new (FALSE, FALSE, sizeof (LicDemoUser), n_users + 1);
  g_array_set_clear_func (self->users, clear_user);
  self->pools = g_array_new (FALSE, FALSE, sizeof (LicDemoPool));
  g_array_set_clear_func (self->pools, clear_pool);

  account.password_hash = lic_password_hash (city_marker, error);
  if (account.password_hash == NULL)
    return NULL;
  account.school = 0;
  account.username = g_strdup (city_marker);
  account.name = g_strdup ("Karin Holmberg");
  account.email = g_strdup ("karin.holmberg@stora.example.se");
  account.role = LIC_ROLE_ADMINISTRATOR;
  account.organization_admin = TRUE;
  account.admin_school = -1;
  account.group = -1;
  g_array_append_val (self->users, account);

  for (guint i = 0; i < n_schools; i++)
    add_city_school (self, rand, counts, i,
                     n_users / n_schools + (i < n_users % n_schools ? 1 : 0));
  add_city_pools (self, rand, today, 1);

  return g_steal_pointer (&self);
}

/**
 * lic_demo_new:
 *
 * @today: when it is loaded: each pool's term ends on the first of its day of the year (31 July,
 *   31 January, …) at least 60 days after it
 *
 * Returns: (transfer full): the demo data, the same on every call except for the salts of the
 *   demo accounts' password hashes and the years its terms end in
 */
LicDemo *
lic_demo_new (GDateTime  *today,
              GError    **error)
{
  g_autoptr(LicDemo) self = g_new0 (LicDemo, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (supplier_keys) == G_N_ELEMENTS (suppliers));

  self->marker = "demo";
  self->organizations = organizations;
  self->n_organizations = G_N_ELEMENTS (organizations);
  self->schools = schools;
  self->n_schools = G_N_ELEMENTS (schools);
  self->suppliers = suppliers;
  self->supplier_keys = supplier_keys;
  self->n_suppliers = G_N_ELEMENTS (suppliers);
  self->products = products;
  self->n_products = G_N_ELEMENTS (products);
  self->groups = g_array_new (FALSE, FALSE, sizeof (LicDemoGroup));
  g_array_set_clear_func (self->groups, clear_group);
  self->users = g_array_new (FALSE, FALSE, sizeof (LicDemoUser));
  g_array_set_clear_func (self->users, clear_user);
  self->pools = g_array_new (FALSE, FALSE, sizeof (LicDemoPool));
  g_array_set_clear_func (self->pools, clear_pool);
  self->strings = g_ptr_array_new_with_free_func (g_free);

  if (!add_accounts (self, taken, error))
    return NULL;
  for (guint school = 0; school < G_N_ELEMENTS (schools); school++)
    add_school_people (self, rand, taken, school);
  add_pools (self, rand, today);

  return g_steal_pointer (&self);
}

void
lic_demo_free (LicDemo *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->users, g_array_unref);
  g_clear_pointer (&self->pools, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_free ((gpointer) (self->marker == city_marker ? self->schools : NULL));
  g_free (self);
}
