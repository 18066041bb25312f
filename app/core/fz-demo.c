/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-demo"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-demo.h"
#include "fz-organization-private.h"
#include "fz-registry-private.h"
#include "fz-table.h"

/* The six county-level units of Quzhou (GB/T 2260), a share of the
 * population each, and some of their towns, townships and streets. */
static const struct {
  const char *code;
  const char *name;
  guint       weight;
  const char *townships[17];
} counties[] = {
  { "330802", "柯城区", 20,
    { "府山街道", "荷花街道", "花园街道", "信安街道", "白云街道", "双港街道", "衢化街道", "航埠镇",
      "石梁镇", "万田乡", "沟溪乡", "华墅乡", "九华乡", "七里乡", NULL } },
  { "330803", "衢江区", 17,
    { "樟潭街道", "浮石街道", "廿里镇", "高家镇", "莲花镇", "湖南镇", "上方镇", "峡川镇", "杜泽镇",
      "全旺镇", "大洲镇", "云溪乡", "横路乡", "灰坪乡", NULL } },
  { "330822", "常山县", 13,
    { "天马街道", "紫港街道", "金川街道", "芳村镇", "球川镇", "辉埠镇", "白石镇", "招贤镇", "青石镇",
      "何家乡", "东案乡", "同弓乡", "大桥头乡", "新昌乡", NULL } },
  { "330824", "开化县", 13,
    { "芹阳办事处", "华埠镇", "马金镇", "池淮镇", "桐村镇", "杨林镇", "苏庄镇", "齐溪镇", "村头镇",
      "音坑乡", "中村乡", "长虹乡", "何田乡", "林山乡", NULL } },
  { "330825", "龙游县", 16,
    { "龙洲街道", "东华街道", "湖镇镇", "小南海镇", "溪口镇", "横山镇", "塔石镇", "詹家镇", "模环乡",
      "石佛乡", "社阳乡", "大街乡", "沐尘畲族乡", NULL } },
  { "330881", "江山市", 21,
    { "双塔街道", "虎山街道", "清湖街道", "上余镇", "四都镇", "贺村镇", "峡口镇", "廿八都镇",
      "新塘边镇", "坛石镇", "大桥镇", "石门镇", "凤林镇", "长台镇", "张村乡", "塘源口乡", NULL } },
};

/* Surnames common in the region, the most common first and repeated to
 * weigh them; a few compound ones. */
static const char *surnames[] = {
  "王", "王", "李", "李", "张", "张", "刘", "陈", "陈", "徐", "徐", "毛", "毛", "吴", "吴", "周",
  "郑", "方", "余", "汪", "杨", "黄", "赵", "朱", "胡", "郭", "何", "林", "罗", "叶", "祝", "姜",
  "程", "严", "邵", "傅", "童", "应", "柴", "占", "蓝", "雷", "钟", "孙", "马", "高", "梁", "谢",
  "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "袁", "潘", "蒋", "蔡", "杜",
  "苏", "魏", "吕", "丁", "沈", "姚", "卢", "陆", "范", "金", "石", "夏", "付", "邹", "熊", "江",
  "龚", "钱", "戴", "孔", "汤", "欧阳", "诸葛", "司马",
};

static const char *male_chars[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
  "鑫", "波", "宁", "建", "国", "峰", "俊", "文", "浩", "宇", "亮", "林", "海", "东", "志", "成",
  "龙", "旭", "晨", "阳", "春", "新", "荣", "兵", "德", "永", "庆", "中", "良", "根", "福", "金",
  "水", "发", "军", "子", "轩", "睿", "博", "立", "振", "祥", "卫", "忠",
};

static const char *female_chars[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "秀", "英", "娟", "霞", "燕", "玲", "桂", "兰", "萍", "红",
  "琴", "云", "梅", "莉", "婷", "雪", "慧", "颖", "佳", "倩", "玉", "珍", "凤", "菊", "花", "月",
  "欣", "怡", "悦", "琳", "美", "晓", "彩", "素", "小", "春", "丹", "璐", "洁", "雅",
};

/* Shares in percent, in category order (1 视力 … 7 多重) and grade order. */
static const guint category_weights[] = { 0, 14, 19, 2, 31, 7, 8, 19 };
static const guint grade_weights[] = { 0, 14, 25, 30, 31 };

static const char *employment_forms[] = {
  "按比例就业", "集中就业", "个体就业", "自主创业", "农村种养加", "公益性岗位就业", "辅助性就业",
  "灵活就业",
};

static const char *mobile_prefixes[] = {
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
  "155", "157", "158", "159", "177", "180", "181", "182", "183", "187", "188", "189", "199",
};

typedef struct {
  GRand      *rand;
  GHashTable *numbers;  /* identity numbers or credit codes given out */
  GDate       today;    /* fixed, so that a seed gives the same city every year */
} Demo;

static void
demo_init (Demo    *d,
           guint32  seed)
{
  d->rand = g_rand_new_with_seed (seed);
  d->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&d->today, 1);
  g_date_set_dmy (&d->today, 1, G_DATE_JANUARY, 2025);
}

static void
demo_clear (Demo *d)
{
  g_rand_free (d->rand);
  g_hash_table_unref (d->numbers);
}

static guint
pick (Demo *d,
      guint n)
{
  return (guint) g_rand_int_range (d->rand, 0, (gint32) n);
}

static guint
pick_weighted (Demo        *d,
               const guint *weights,
               guint        n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = pick (d, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static guint
pick_county (Demo *d)
{
  guint weights[G_N_ELEMENTS (counties)];

  for (guint i = 0; i < G_N_ELEMENTS (counties); i++)
    weights[i] = counties[i].weight;
  return pick_weighted (d, weights, G_N_ELEMENTS (counties));
}

/* Fills @v with a new person. */
static void
demo_person (Demo           *d,
             FzPersonValues *v)
{
  guint county = pick_county (d);
  gboolean male = pick (d, 100) < 56;
  guint age, n_townships = 0;
  GDate birth;
  char number[19];
  char birth_text[9];
  GString *name = g_string_new (surnames[pick (d, G_N_ELEMENTS (surnames))]);

  memset (v, 0, sizeof *v);

  /* Persons with disabilities are older than the population: a third are 60 or more. */
  {
    guint band = pick (d, 100);
    if (band < 8)
      age = 3 + pick (d, 13);
    else if (band < 65)
      age = 16 + pick (d, 44);
    else
      age = 60 + pick (d, 31);
  }
  g_date_clear (&birth, 1);
  birth = d->today;
  g_date_subtract_years (&birth, age);
  g_date_subtract_days (&birth, 1 + pick (d, 364));

  /* The identity number: mostly the county's code; some older people keep
   * the code of 衢县 (330821), abolished in 2001. */
  do
    {
      const char *address = counties[county].code;
      guint sequence;

      if (g_date_get_year (&birth) < 2001 && strcmp (address, "330803") == 0 && pick (d, 3) == 0)
        address = "330821";
      g_snprintf (birth_text, sizeof birth_text, "%04u%02u%02u", g_date_get_year (&birth),
                  g_date_get_month (&birth), g_date_get_day (&birth));
      sequence = pick (d, 500) * 2 + (male ? 1 : 0);
      g_snprintf (number, sizeof number, "%s%s%03u", address, birth_text, sequence);
      number[17] = fz_identity_check_character (number);
      number[18] = '\0';
    }
  while (g_hash_table_contains (d->numbers, number));
  g_hash_table_add (d->numbers, g_strdup (number));
  v->id_number = g_strdup (number);

  /* A given name of one or two characters. */
  {
    const char **chars = male ? male_chars : female_chars;
    guint n_chars = male ? G_N_ELEMENTS (male_chars) : G_N_ELEMENTS (female_chars);
    guint length = pick (d, 100) < 30 ? 1 : 2;

    for (guint i = 0; i < length; i++)
      g_string_append (name, chars[pick (d, n_chars)]);
  }
  v->name = g_string_free (name, FALSE);

  v->category = 1 + pick_weighted (d, category_weights + 1, FZ_CATEGORY_LAST);
  v->grade = 1 + pick_weighted (d, grade_weights + 1, FZ_GRADE_LAST);
  v->cert_number = g_strdup_printf ("%s%u%u", number, v->category, v->grade);
  v->county_code = g_strdup (counties[county].code);
  while (counties[county].townships[n_townships])
    n_townships++;
  v->township = g_strdup (counties[county].townships[pick (d, n_townships)]);

  {
    guint kind = pick (d, 100);
    if (kind < 78)
      v->phone = g_strdup_printf ("%s%08u", mobile_prefixes[pick (d, G_N_ELEMENTS (mobile_prefixes))],
                                  pick (d, 100000000));
    else if (kind < 88)
      v->phone = g_strdup_printf ("0570-%u", 3000000 + pick (d, 6999999));
  }

  if (age >= 16 && age < 60)
    {
      guint r = pick (d, 100);
      /* Grade 1 and 2 more often out of work. */
      guint employed_share = v->grade <= 2 ? 30 : 55;

      if (r < employed_share)
        {
          GDate since = d->today;

          v->employment_status = FZ_EMPLOYMENT_EMPLOYED;
          v->employment_form = g_strdup (employment_forms[pick (d, G_N_ELEMENTS (employment_forms))]);
          g_date_subtract_days (&since, 1 + pick (d, 365 * MIN (age - 15, 10)));
          {
            char iso[11];
            g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&since),
                  g_date_get_month (&since), g_date_get_day (&since));
            v->employment_date = g_strdup (iso);
          }
        }
      else if (r < 85)
        v->employment_status = FZ_EMPLOYMENT_UNEMPLOYED;
      else
        v->employment_status = FZ_EMPLOYMENT_UNKNOWN;
    }
  else
    v->employment_status = FZ_EMPLOYMENT_UNKNOWN;
}

typedef struct {
  FzRegistry *registry;
  guint32     seed;
  guint       n;
  guint       added;
} AddData;

static gboolean
add_persons_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  AddData *data = user_data;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *source = NULL;
  Demo d;
  gboolean ok = TRUE;

  if (!_fz_registry_begin_bulk (data->registry, error))
    return FALSE;
  demo_init (&d, data->seed);
  for (guint i = 0; i < data->n && ok; i++)
    {
      FzPersonValues v, existing = { 0 };
      gint64 id = 0;
      g_autoptr(GError) local_error = NULL;

      demo_person (&d, &v);
      if (!_fz_registry_check_values (data->registry, &v, &d.today, problems))
        {
          GError *first = g_ptr_array_index (problems, 0);
          g_critical ("The demo made a wrong person: %s", first->message);
          g_set_error_literal (error, first->domain, first->code, first->message);
          ok = FALSE;
        }
      else if (_fz_registry_lookup_values (data->registry, v.id_number, &id, &existing, &local_error))
        _fz_person_values_clear (&existing);
      else if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else if (!_fz_registry_write_values (data->registry, &id, &v, NULL, 0, error))
        ok = FALSE;
      else
        data->added++;
      _fz_person_values_clear (&v);
    }
  demo_clear (&d);
  source = g_strdup_printf ("demo --seed %u", (guint) data->seed);
  return _fz_registry_end_bulk (data->registry, ok, source, NULL, ok ? error : NULL) && ok;
}

gboolean
fz_demo_add_persons (FzRegistry  *registry,
                     guint32      seed,
                     guint        n_persons,
                     guint       *n_added,
                     GError     **error)
{
  AddData data = { registry, seed, n_persons, 0 };

  g_return_val_if_fail (FZ_IS_REGISTRY (registry), FALSE);

  if (!fz_database_transaction (fz_registry_get_database (registry), add_persons_txn, &data, error))
    return FALSE;
  if (n_added)
    *n_added = data.added;
  if (data.added > 0)
    _fz_registry_emit_persons_changed (registry);
  return TRUE;
}

gboolean
fz_demo_write_persons (const char  *path,
                       guint32      seed,
                       guint        n_persons,
                       GError     **error)
{
  static const char *header[] = {
    "姓名", "性别", "身份证号", "残疾证号", "残疾类别", "残疾等级", "县(市、区)", "乡镇(街道)",
    "联系电话", "就业状态", "就业形式", "就业时间",
  };
  static const char *categories[] = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };
  static const char *grades[] = { "", "一级", "二级", "三级", "四级" };
  g_autoptr(FzTableWriter) writer = NULL;
  Demo d;
  gboolean ok = TRUE;

  writer = fz_table_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  fz_table_writer_set_column (writer, 2, FZ_TABLE_COLUMN_IDENTIFIER, 21);
  fz_table_writer_set_column (writer, 3, FZ_TABLE_COLUMN_IDENTIFIER, 23);
  fz_table_writer_set_column (writer, 8, FZ_TABLE_COLUMN_IDENTIFIER, 14);
  if (!fz_table_writer_add_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;

  demo_init (&d, seed);
  for (guint i = 0; i < n_persons && ok; i++)
    {
      FzPersonValues v;
      const char *county = "";
      const char *row[G_N_ELEMENTS (header)];

      demo_person (&d, &v);
      for (guint c = 0; c < G_N_ELEMENTS (counties); c++)
        if (strcmp (counties[c].code, v.county_code) == 0)
          county = counties[c].name;
      row[0] = v.name;
      row[1] = (v.id_number[16] - '0') % 2 ? "男" : "女";
      row[2] = v.id_number;
      row[3] = v.cert_number;
      row[4] = categories[v.category];
      row[5] = grades[v.grade];
      row[6] = county;
      row[7] = v.township;
      row[8] = v.phone;
      row[9] = v.employment_status == FZ_EMPLOYMENT_EMPLOYED ? "已就业" :
               v.employment_status == FZ_EMPLOYMENT_UNEMPLOYED ? "未就业" : "未知";
      row[10] = v.employment_form;
      row[11] = v.employment_date;
      ok = fz_table_writer_add_row (writer, row, G_N_ELEMENTS (row), error);
      _fz_person_values_clear (&v);
    }
  demo_clear (&d);
  return ok && fz_table_writer_close (writer, error);
}

/* Organizations */

/* The check character of an organization code (GB 11714) over its first 8 characters. */
static char
organization_code_check (const char *code)
{
  static const int weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0, c;

  for (int i = 0; i < 8; i++)
    sum += (g_ascii_isdigit (code[i]) ? code[i] - '0' : code[i] - 'A' + 10) * weights[i];
  c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
}

static void
demo_organization (Demo           *d,
                   FzOrganization *org)
{
  static const char *bureaus[] = { "民政局", "人力资源和社会保障局", "财政局", "教育局", "卫生健康委员会",
                                   "农业农村局", "残疾人联合会", "住房和城乡建设局", "交通运输局" };
  static const char *institutions[] = { "人民医院", "中医院", "第一中学", "实验小学", "职业技术学校",
                                        "社会福利院", "图书馆", "疾病预防控制中心", "特殊教育学校" };
  static const char *state[] = { "交通投资集团有限公司", "水务集团有限公司", "城市建设投资集团有限公司",
                                 "国有资本运营有限公司", "公共交通有限公司" };
  static const char *trades[] = { "机械", "纺织", "食品", "电子", "包装", "竹木制品", "新材料", "物流",
                                  "家居", "茶业", "农业开发", "服饰" };
  static const char *words[] = { "信安", "衢通", "鹿鸣", "烂柯", "仙霞", "钱江", "三衢", "南孔", "金川",
                                 "龙丘", "江郎", "清漾", "须江", "马金", "华埠", "天马" };
  static const char *societies[] = { "盲人协会", "聋人协会", "肢残人协会", "智力残疾人及亲友协会",
                                     "精神残疾人及亲友协会", "志愿者协会", "慈善总会" };
  guint county = pick_county (d);
  const char *county_name = counties[county].name;
  FzOrganizationType kind = 1 + pick_weighted (d, (const guint[]) { 8, 12, 5, 55, 8, 10, 2 }, 7);
  char code[19];
  const char *prefix;
  g_autofree char *name = NULL;
  int headcount;

  switch (kind)
    {
    case FZ_ORGANIZATION_ORGAN:
      name = g_strdup_printf ("%s%s", county_name, bureaus[pick (d, G_N_ELEMENTS (bureaus))]);
      prefix = "11";
      headcount = 20 + (int) pick (d, 180);
      break;
    case FZ_ORGANIZATION_INSTITUTION:
      name = g_strdup_printf ("%s%s", county_name, institutions[pick (d, G_N_ELEMENTS (institutions))]);
      prefix = "12";
      headcount = 30 + (int) pick (d, 800);
      break;
    case FZ_ORGANIZATION_STATE_ENTERPRISE:
      name = g_strdup_printf ("%s%s", county_name, state[pick (d, G_N_ELEMENTS (state))]);
      prefix = "91";
      headcount = 100 + (int) pick (d, 2000);
      break;
    case FZ_ORGANIZATION_SOCIAL_ORGANIZATION:
      name = g_strdup_printf ("%s%s", county_name, societies[pick (d, G_N_ELEMENTS (societies))]);
      prefix = "51";
      headcount = 3 + (int) pick (d, 40);
      break;
    case FZ_ORGANIZATION_VILLAGE_COLLECTIVE:
      {
        guint n_townships = 0;
        while (counties[county].townships[n_townships])
          n_townships++;
        name = g_strdup_printf ("%s%s%s村股份经济合作社", county_name,
                                counties[county].townships[pick (d, n_townships)],
                                words[pick (d, G_N_ELEMENTS (words))]);
        prefix = "N2";
        headcount = 2 + (int) pick (d, 25);
      }
      break;
    case FZ_ORGANIZATION_PRIVATE_ENTERPRISE:
    case FZ_ORGANIZATION_OTHER:
    case FZ_ORGANIZATION_ANY:
    default:
      kind = FZ_ORGANIZATION_PRIVATE_ENTERPRISE;
      name = g_strdup_printf ("衢州%s%s有限公司", words[pick (d, G_N_ELEMENTS (words))],
                              trades[pick (d, G_N_ELEMENTS (trades))]);
      prefix = "91";
      headcount = 5 + (int) pick (d, 500);
      break;
    }

  do
    {
      static const char org_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

      g_snprintf (code, sizeof code, "%s%s", prefix, counties[county].code);
      for (int i = 8; i < 16; i++)
        code[i] = org_chars[pick (d, i == 8 ? 31 : 10)];
      code[16] = organization_code_check (code + 8);
      code[17] = fz_credit_code_check_character (code);
      code[18] = '\0';
    }
  while (g_hash_table_contains (d->numbers, code));
  g_hash_table_add (d->numbers, g_strdup (code));

  fz_organization_set_name (org, name);
  fz_organization_set_credit_code (org, code);
  fz_organization_set_kind (org, kind);
  fz_organization_set_county_code (org, counties[county].code);
  fz_organization_set_headcount (org, headcount);
  if (kind == FZ_ORGANIZATION_ORGAN || kind == FZ_ORGANIZATION_INSTITUTION)
    fz_organization_set_established_posts (org, headcount - (int) pick (d, (guint) headcount / 10 + 1));
}

typedef struct {
  FzRegistry *registry;
  guint32     seed;
  guint       n;
} OrgData;

static gboolean
add_organizations_txn (FzDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  OrgData *data = user_data;
  Demo d;
  gboolean ok = TRUE;

  demo_init (&d, data->seed);
  for (guint i = 0; i < data->n && ok; i++)
    {
      g_autoptr(FzOrganization) org = fz_organization_new ();
      g_autoptr(GError) local_error = NULL;

      demo_organization (&d, org);
      /* Nested: each is a savepoint of the outer transaction. */
      if (!fz_registry_add_organization (data->registry, org, &local_error))
        {
          if (g_error_matches (local_error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_DUPLICATE))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  demo_clear (&d);
  return ok;
}

gboolean
fz_demo_add_organizations (FzRegistry  *registry,
                           guint32      seed,
                           guint        n_organizations,
                           GError     **error)
{
  OrgData data = { registry, seed, n_organizations };

  g_return_val_if_fail (FZ_IS_REGISTRY (registry), FALSE);

  return fz_database_transaction (fz_registry_get_database (registry), add_organizations_txn,
                                  &data, error);
}
