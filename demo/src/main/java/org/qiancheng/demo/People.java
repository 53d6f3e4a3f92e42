package org.qiancheng.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic trainees: common Chinese names, and resident ID numbers that are valid by GB 11643 (the
 * check digit) with the address code of a real district, a birth date making an adult of 19 to 56 and
 * the sequence digit matching the sex of the given name. No number belongs to a known person: they
 * are drawn at random from a fixed seed.
 */
final class People {

    /** A trainee to register: resident ID, name and target groups. */
    record Person(String idNumber, String name, List<String> groups) {
    }

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武";
    private static final String[] MALE = {"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华",
        "飞", "鑫", "波", "宇", "浩", "建国", "志强", "建军", "国强", "文博", "子轩", "浩然", "俊杰", "宏伟", "海涛", "晓东", "立新",
        "家豪", "明轩", "天宇", "志刚", "永刚", "德华", "春生", "红军"};
    private static final String[] FEMALE = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "玲", "桂英", "丹", "萍", "红",
        "琳", "雪", "婷", "倩", "颖", "慧", "秀兰", "玉兰", "桂兰", "雨涵", "欣怡", "梓涵", "思雨", "晓燕", "春梅", "海燕", "丽娟",
        "佳怡", "梦瑶", "静怡", "小红", "美玲", "淑珍", "凤英", "晓丽", "文静"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final Random random;
    private final LocalDate today;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    People(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /**
     * A new adult living in one of the districts, with target groups drawn from the candidates.
     *
     * @param districts GB/T 2260 district codes (six digits)
     * @param groups target groups the region focuses; each person gets none, one or two
     */
    Person next(List<String> districts, List<String> groups) {
        boolean male = random.nextInt(100) < 55;
        String name;
        do {
            name = SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                    + (male ? MALE[random.nextInt(MALE.length)] : FEMALE[random.nextInt(FEMALE.length)]);
        } while (!names.add(name) && random.nextInt(4) != 0); // a few namesakes, as in life
        String id;
        do {
            LocalDate born = today.minusYears(19 + random.nextInt(38)).minusDays(random.nextInt(365));
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0); // odd for men, even for women
            String body = districts.get(random.nextInt(districts.size()))
                    + born.toString().replace("-", "") + String.format("%03d", sequence);
            id = body + checkDigit(body);
        } while (!ids.add(id));
        List<String> chosen = List.of();
        int draw = random.nextInt(10);
        if (!groups.isEmpty() && draw < 6) {
            String first = groups.get(random.nextInt(groups.size()));
            String second = groups.get(random.nextInt(groups.size()));
            chosen = draw < 1 && !first.equals(second) ? List.of(first, second) : List.of(first);
        }
        return new Person(id, name, chosen);
    }

    /** The GB 11643 check character of the first 17 digits. */
    static char checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
