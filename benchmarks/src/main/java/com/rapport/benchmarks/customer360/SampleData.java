package com.rapport.benchmarks.customer360;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The organisations the scenario seeds, made up from the number alone: organisation {@code i} is the same on
 * every run and every machine, so a store seeded once serves later runs, and the search terms can be taken from
 * the data without reading it back. Half the organisations are Chinese (Chinese company and person names,
 * pinyin emails, +86 phones), half English-speaking (UK, US, Germany, Singapore, Australia), each with one to
 * three contacts. Name parts come from small pools, so that some search terms match a handful of organisations
 * (a brand, a person, an email, a phone number) and others thousands (an industry).
 */
final class SampleData {

	/** The organisations' partner keys are {@code bench-000001} ...: never a demo organisation's. */
	static final String EXTERNAL_ID_PREFIX = "bench-";

	private static final long DATA_SEED = 0x5EED_2026L;

	/** A search term and what it is, for the breakdown of the search's figures. */
	record Term(String kind, String text) {
	}

	/** A contact as the upsert's body sends it. */
	record Contact(String externalId, String name, String jobTitle, String email, String phone, String language,
			String timeZone) {
	}

	/** The organisation's fields as the upsert's body sends them ({@code accountManager} null: keep, none). */
	record Profile(String externalId, String name, String industry, String sizeBand, String country, String region,
			List<String> tags, String accountManager) {
	}

	/** An organisation with its contacts as an item of {@code POST .../organisations:batch} sends it. */
	record BatchItem(String externalId, String name, String industry, String sizeBand, String country, String region,
			List<String> tags, String accountManager, List<Contact> contacts) {
	}

	/** An organisation: its profile, its contacts, and the words its search terms are made of. */
	record Organisation(Profile profile, List<Contact> contacts, String brand, String industryTerm) {

		BatchItem batchItem() {
			return new BatchItem(profile.externalId(), profile.name(), profile.industry(), profile.sizeBand(),
					profile.country(), profile.region(), profile.tags(), profile.accountManager(), contacts);
		}

		String externalId() {
			return profile.externalId();
		}

		/** One term of each kind, as an agent would type it. */
		List<Term> terms() {
			Contact first = contacts.get(0);
			String digits = first.phone().replaceAll("[^0-9]", "");
			String lastEight = digits.substring(digits.length() - 8);
			return List.of(new Term("organisation-name", brand), new Term("industry", industryTerm),
					new Term("contact-name", first.name()), new Term("email", first.email()),
					new Term("phone", lastEight.substring(0, 4) + " " + lastEight.substring(4)));
		}
	}

	static String externalId(int index) {
		return EXTERNAL_ID_PREFIX + String.format(Locale.ROOT, "%06d", index + 1);
	}

	Organisation organisation(int index) {
		SplittableRandom random = new SplittableRandom(scrambled(DATA_SEED + index));
		return random.nextBoolean() ? chinese(index, random) : english(index, random);
	}

	/**
	 * SplitMix64's finaliser. Seeds {@code s} and {@code s + 1} must not go in as they are: SplittableRandom steps
	 * its seed by a fixed gamma, so seeds a gamma apart give one sequence shifted by a draw, and neighbouring
	 * organisations would share their phone numbers.
	 */
	static long scrambled(long seed) {
		long z = seed;
		z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
		return z ^ (z >>> 31);
	}

	// --- Chinese organisations ------------------------------------------------------------------------------------

	/** Brand characters with their pinyin. */
	private static final String[][] BRAND_CHARACTERS = { { "华", "hua" }, { "信", "xin" }, { "宏", "hong" },
			{ "达", "da" }, { "鑫", "xin" }, { "盛", "sheng" }, { "恒", "heng" }, { "泰", "tai" }, { "永", "yong" },
			{ "丰", "feng" }, { "金", "jin" }, { "源", "yuan" }, { "瑞", "rui" }, { "祥", "xiang" }, { "嘉", "jia" },
			{ "和", "he" }, { "中", "zhong" }, { "天", "tian" }, { "新", "xin" }, { "通", "tong" }, { "联", "lian" },
			{ "创", "chuang" }, { "博", "bo" }, { "远", "yuan" }, { "安", "an" }, { "康", "kang" }, { "德", "de" },
			{ "润", "run" }, { "宇", "yu" }, { "辉", "hui" }, { "隆", "long" }, { "兴", "xing" }, { "昌", "chang" },
			{ "凯", "kai" }, { "豪", "hao" }, { "腾", "teng" }, { "飞", "fei" }, { "光", "guang" }, { "明", "ming" },
			{ "海", "hai" }, { "东", "dong" }, { "方", "fang" }, { "誉", "yu" }, { "佳", "jia" }, { "利", "li" },
			{ "益", "yi" }, { "顺", "shun" }, { "合", "he" }, { "美", "mei" }, { "耀", "yao" } };

	/** City, its pinyin, and the region stored. */
	private static final String[][] CITIES = { { "上海", "shanghai", "Shanghai" }, { "北京", "beijing", "Beijing" },
			{ "深圳", "shenzhen", "Guangdong" }, { "广州", "guangzhou", "Guangdong" }, { "杭州", "hangzhou", "Zhejiang" },
			{ "苏州", "suzhou", "Jiangsu" }, { "南京", "nanjing", "Jiangsu" }, { "成都", "chengdu", "Sichuan" },
			{ "武汉", "wuhan", "Hubei" }, { "天津", "tianjin", "Tianjin" }, { "重庆", "chongqing", "Chongqing" },
			{ "西安", "xian", "Shaanxi" }, { "宁波", "ningbo", "Zhejiang" }, { "青岛", "qingdao", "Shandong" },
			{ "厦门", "xiamen", "Fujian" }, { "东莞", "dongguan", "Guangdong" } };

	/** Chinese name part, English name part, the industry field. */
	private static final String[][] INDUSTRIES = { { "贸易", "Trading", "Wholesale trade" },
			{ "物流", "Logistics", "Logistics" }, { "电子", "Electronics", "Electronics" },
			{ "机械", "Machinery", "Machinery" }, { "化工", "Chemicals", "Chemicals" },
			{ "纺织", "Textiles", "Textiles" }, { "食品", "Foods", "Food and beverage" },
			{ "家居", "Furniture", "Furniture" }, { "医疗器械", "Medical Supplies", "Medical devices" },
			{ "建材", "Building Materials", "Building materials" }, { "汽车配件", "Auto Parts", "Automotive parts" },
			{ "包装", "Packaging", "Packaging" }, { "科技", "Technologies", "Technology" },
			{ "办公用品", "Office Supplies", "Office supplies" } };

	private static final String[][] SURNAMES = { { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" },
			{ "陈", "chen" }, { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" }, { "吴", "wu" }, { "周", "zhou" },
			{ "徐", "xu" }, { "孙", "sun" }, { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" }, { "郭", "guo" },
			{ "何", "he" }, { "高", "gao" }, { "林", "lin" }, { "罗", "luo" }, { "郑", "zheng" }, { "梁", "liang" },
			{ "谢", "xie" }, { "宋", "song" }, { "唐", "tang" }, { "许", "xu" }, { "韩", "han" }, { "冯", "feng" },
			{ "邓", "deng" }, { "曹", "cao" } };

	private static final String[][] GIVEN_NAMES = { { "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "敏", "min" },
			{ "静", "jing" }, { "丽", "li" }, { "强", "qiang" }, { "磊", "lei" }, { "军", "jun" }, { "洋", "yang" },
			{ "勇", "yong" }, { "艳", "yan" }, { "杰", "jie" }, { "娟", "juan" }, { "涛", "tao" }, { "明", "ming" },
			{ "超", "chao" }, { "秀英", "xiuying" }, { "霞", "xia" }, { "平", "ping" }, { "刚", "gang" },
			{ "桂英", "guiying" }, { "建华", "jianhua" }, { "志强", "zhiqiang" }, { "晓燕", "xiaoyan" },
			{ "海燕", "haiyan" }, { "文博", "wenbo" }, { "子涵", "zihan" }, { "浩然", "haoran" }, { "欣怡", "xinyi" },
			{ "俊杰", "junjie" }, { "雨萱", "yuxuan" }, { "思远", "siyuan" }, { "佳琪", "jiaqi" }, { "宇航", "yuhang" },
			{ "梓萱", "zixuan" } };

	private static final String[] CHINESE_TITLES = { "采购经理", "采购专员", "供应链总监", "财务经理", "运营经理", "总经理",
			"物流主管", "质量经理" };

	private Organisation chinese(int index, SplittableRandom random) {
		String[] first = pick(random, BRAND_CHARACTERS);
		String[] second = pick(random, BRAND_CHARACTERS);
		while (second == first) {
			second = pick(random, BRAND_CHARACTERS);
		}
		String brand = first[0] + second[0];
		String domain = first[1] + second[1];
		String[] city = pick(random, CITIES);
		String[] industry = pick(random, INDUSTRIES);
		String name = city[0] + brand + industry[0] + (random.nextInt(5) == 0 ? "股份有限公司" : "有限公司");
		List<Contact> contacts = new ArrayList<>();
		int count = 1 + random.nextInt(3);
		for (int c = 0; c < count; c++) {
			String[] surname = pick(random, SURNAMES);
			String[] given = pick(random, GIVEN_NAMES);
			// a quarter landlines (Shanghai's or Beijing's area code), the rest mobiles
			String phone = phone(random, random.nextInt(4) == 0 ? (city[1].equals("shanghai") ? "+86 21 " : "+86 10 ")
					+ "#### ####" : "+86 1" + (3 + random.nextInt(7)) + "# #### ####");
			contacts.add(new Contact(contactId(index, c), surname[0] + given[0], pick(random, CHINESE_TITLES),
					given[1] + "." + surname[1] + "@" + domain + "-" + city[1] + ".com.cn", phone, "zh-CN",
					"Asia/Shanghai"));
		}
		return new Organisation(new Profile(externalId(index), name, industry[2], sizeBand(random), "CN", city[2],
				tags(industry), accountManager(random)), contacts, brand, industry[0]);
	}

	// --- English-speaking organisations ---------------------------------------------------------------------------

	private static final String[] BRAND_STARTS = { "North", "Blue", "Silver", "Green", "Red", "Golden", "Bright",
			"Clear", "Swift", "Stone", "Oak", "Pine", "River", "Lake", "Summit", "Harbor", "Iron", "Star", "Sun", "Moon",
			"Eagle", "Falcon", "Crown", "Royal", "Pioneer", "Atlas", "Apex", "Vertex", "Prime", "Union" };

	private static final String[] BRAND_ENDS = { "wind", "field", "bridge", "gate", "way", "point", "line", "stone",
			"wood", "crest", "port", "ridge", "view", "brook", "water", "light", "path", "ford", "haven", "vale" };

	private static final String[] FIRST_NAMES = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
			"Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
			"Sarah", "Charles", "Karen", "Daniel", "Emily", "Matthew", "Emma", "Anthony", "Olivia", "Mark", "Sophie",
			"Paul", "Hannah", "Steven", "Grace", "Andrew", "Chloé", "Kevin", "Lucy", "Brian", "Amelia", "George",
			"Laura" };

	private static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
			"Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
			"Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
			"Carter", "Mitchell", "Roberts", "Turner", "O'Brien", "Campbell", "Parker", "Evans", "Müller", "Schäfer",
			"Köhler" };

	private static final String[] ENGLISH_TITLES = { "Purchasing Manager", "Buyer", "Supply Chain Director",
			"Finance Manager", "Operations Manager", "CEO", "Procurement Specialist", "Logistics Coordinator" };

	/** Country, company form, region, time zone, email top-level domain, phone number ({@code #} a digit). */
	private static final String[][] COUNTRIES = {
			{ "GB", "Ltd", "England", "Europe/London", "co.uk", "+44 20 #### ####" },
			{ "US", "Inc.", "California", "America/Los_Angeles", "com", "+1 (415) ###-####" },
			{ "US", "LLC", "New York", "America/New_York", "com", "+1 (212) ###-####" },
			{ "DE", "GmbH", "Bayern", "Europe/Berlin", "de", "+49 89 ########" },
			{ "SG", "Pte Ltd", "Singapore", "Asia/Singapore", "com.sg", "+65 #### ####" },
			{ "AU", "Pty Ltd", "New South Wales", "Australia/Sydney", "com.au", "+61 2 #### ####" } };

	private Organisation english(int index, SplittableRandom random) {
		String brand = pick(random, BRAND_STARTS) + pick(random, BRAND_ENDS);
		String[] industry = pick(random, INDUSTRIES);
		String[] country = pick(random, COUNTRIES);
		String domain = (brand + "-" + industry[1].split(" ")[0]).toLowerCase(Locale.ROOT) + "." + country[4];
		List<Contact> contacts = new ArrayList<>();
		int count = 1 + random.nextInt(3);
		for (int c = 0; c < count; c++) {
			String first = pick(random, FIRST_NAMES);
			String last = pick(random, LAST_NAMES);
			contacts.add(new Contact(contactId(index, c), first + " " + last, pick(random, ENGLISH_TITLES),
					ascii(first) + "." + ascii(last) + "@" + domain, phone(random, country[5]), "en", country[3]));
		}
		return new Organisation(new Profile(externalId(index), brand + " " + industry[1] + " " + country[1],
				industry[2], sizeBand(random), country[0], country[2], tags(industry), accountManager(random)), contacts,
				brand, industry[1].split(" ")[0].toLowerCase(Locale.ROOT));
	}

	// --- both -----------------------------------------------------------------------------------------------------

	private static final String[] SIZE_BANDS = { "MICRO", "SMALL", "SMALL", "MEDIUM", "MEDIUM", "LARGE", "ENTERPRISE" };

	private static String contactId(int index, int contact) {
		return externalId(index) + "-c" + (contact + 1);
	}

	private static List<String> tags(String[] industry) {
		return List.of("bench", industry[1].toLowerCase(Locale.ROOT).replace(' ', '-'));
	}

	private static String sizeBand(SplittableRandom random) {
		return pick(random, SIZE_BANDS);
	}

	/** A third of the organisations have an account manager (the demo staff). */
	private static String accountManager(SplittableRandom random) {
		return switch (random.nextInt(6)) {
			case 0 -> "agent.li";
			case 1 -> "manager.wang";
			default -> null;
		};
	}

	/** The pattern with each {@code #} a random digit. */
	private static String phone(SplittableRandom random, String pattern) {
		StringBuilder phone = new StringBuilder(pattern.length());
		pattern.chars().forEach(c -> phone.append(c == '#' ? (char) ('0' + random.nextInt(10)) : (char) c));
		return phone.toString();
	}

	/** An email's local part from a name: {@code Müller} is {@code mueller}, {@code O'Brien} {@code obrien}. */
	static String ascii(String name) {
		return name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
			.replace("é", "e").replaceAll("[^a-z]", "");
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}
}
