/**
 * Given names and family names by naming tradition, written for this held-out corpus from general
 * knowledge of common names (no list copied from elsewhere). `native` traditions are written in
 * their own script, family name first and without a space where that is the custom.
 */
export const TRADITIONS = {
  anglo: {
    given: ['Megan', 'Trevor', 'Heather', 'Douglas', 'Brittany', 'Wesley', 'Courtney', 'Gordon', 'Shannon', 'Clayton', 'Whitney', 'Russell', 'Paige', 'Dwayne', 'Lorraine', 'Colin', 'Thaddeus', 'Marisol', 'Bryony', 'Ezekiel'],
    family: ['Whitfield', 'Hargrove', 'Pemberton', 'Caldwell', 'Ashby', 'Thornton', 'Mercer', 'Holloway', 'Prescott', 'Radcliffe', 'Kendrick', 'Langley', 'Sutherland', 'Fairbanks', 'Osborne', 'Whitlock'],
  },
  irish: {
    given: ['Siobhan', 'Declan', 'Aoife', 'Ciaran', 'Niamh', 'Padraig', 'Orla', 'Eoin'],
    family: ["O'Sullivan", "O'Donnell", 'McCarthy', 'Gallagher', 'Kavanagh', "Ní Bhriain", 'MacNamara', 'Brennan'],
  },
  hispanic: {
    given: ['Ximena', 'Joaquín', 'Valentina', 'Rodrigo', 'Guadalupe', 'Esteban', 'Itzel', 'Mauricio', 'Renata', 'Alejandro', 'María José', 'Juan Pablo', 'Xóchitl', 'Anselmo'],
    family: ['Villalobos', 'Echeverría', 'de la Fuente', 'Cárdenas Ruiz', 'Montoya', 'Quintero', 'del Valle', 'Zambrano', 'Ibarra', 'Arriaga Solís', 'Bustamante', 'Olmedo'],
  },
  lusophone: {
    given: ['Thiago', 'Letícia', 'Gonçalo', 'Inês', 'Caio', 'Bruna', 'Rafaela', 'Vinícius'],
    family: ['dos Santos', 'Figueiredo', 'Magalhães', 'da Silva Rocha', 'Albuquerque', 'Nogueira', 'Cavalcanti', 'Teixeira'],
  },
  german: {
    given: ['Jörg', 'Annika', 'Malte', 'Friederike', 'Lukas', 'Henrike', 'Torben', 'Svenja'],
    family: ['Oberhuber', 'Brandstätter', 'von Arnim', 'Kessler-Hahn', 'Wendler', 'Pfeiffer', 'Großmann', 'Eichhorn'],
  },
  dutch: {
    given: ['Sanne', 'Joost', 'Femke', 'Maarten', 'Anouk', 'Pieter'],
    family: ['van der Linden', 'de Vries', 'Bakker', 'van Dijk', 'Verhoeven', 'ter Horst'],
  },
  french: {
    given: ['Jean-Baptiste', 'Margaux', 'Théo', 'Solène', 'Anne-Claire', 'Quentin', 'Élodie', 'Baptiste'],
    family: ['Lefebvre', 'Marchand', 'Dubois-Lacroix', 'Rousseau', 'Chevalier', 'Fontaine', 'Delacroix', 'Gauthier'],
  },
  italian: {
    given: ['Giulia', 'Matteo', 'Chiara', 'Lorenzo', 'Federica', 'Alessandro'],
    family: ['Bianchi', 'Esposito', 'Lombardi', 'De Luca', 'Moretti', 'Barbieri'],
  },
  slavic: {
    given: ['Katarzyna', 'Dmitri', 'Agnieszka', 'Bogdan', 'Yulia', 'Miroslav', 'Zofia', 'Oleksandr'],
    family: ['Wiśniewski', 'Kuznetsova', 'Nowakowska', 'Petrenko', 'Dvořák', 'Sokolov', 'Kowalczyk', 'Horvat'],
  },
  yoruba_igbo: {
    given: ['Chinonso', 'Adaeze', 'Oluwaseun', 'Temitope', 'Emeka', 'Ngozi', 'Babatunde', 'Folake'],
    family: ['Okonkwo', 'Adeyemi', 'Nwachukwu', 'Oyelaran', 'Eze', 'Balogun', 'Okafor', 'Adebayo'],
  },
  east_african: {
    given: ['Wanjiru', 'Otieno', 'Amani', 'Zawadi', 'Tesfaye', 'Selam'],
    family: ['Kamau', 'Mwangi', 'Achieng', 'Haile', 'Njoroge', 'Bekele'],
  },
  arabic: {
    given: ['Yousef', 'Mariam', 'Khalid', 'Layla', 'Omar', 'Noor', 'Tariq', 'Huda'],
    family: ['Al-Mansouri', 'Haddad', 'bin Saleh', 'El-Sayed', 'Nasser', 'Al Hashimi', 'Khoury', 'Abdelrahman'],
  },
  south_asian: {
    given: ['Priyanka', 'Arjun', 'Meenakshi', 'Rohan', 'Shreya', 'Venkatesh', 'Farhan', 'Ananya', 'Harpreet', 'Sanjay', 'Tanmay', 'Ishwari'],
    family: ['Raghunathan', 'Iyer', 'Chatterjee', 'Deshpande', 'Siddiqui', 'Patil', 'Bhattacharya', 'Gill', 'Krishnamurthy', 'Chowdhury'],
  },
  chinese_latin: {
    given: ['Wei', 'Xiaoling', 'Jianhua', 'Mei', 'Haoran', 'Yuxin', 'Zhiwei', 'Lina'],
    family: ['Zhang', 'Liu', 'Huang', 'Zhou', 'Xu', 'Guo', 'Lin', 'Tang'],
  },
  vietnamese: {
    given: ['Thị Lan', 'Văn Minh', 'Thu Hà', 'Quốc Bảo', 'Ngọc Anh', 'Đức Huy'],
    family: ['Nguyễn', 'Trần', 'Phạm', 'Lê', 'Võ', 'Đặng'],
  },
  japanese_latin: {
    given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Kenji', 'Sakura'],
    family: ['Takahashi', 'Yamamoto', 'Kobayashi', 'Nakamura', 'Inoue', 'Fujita'],
  },
  korean_latin: {
    given: ['Ji-hoon', 'Seo-yeon', 'Min-jun', 'Ha-eun', 'Dong-hyun', 'Su-bin'],
    family: ['Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han'],
  },
  turkish: {
    given: ['Emre', 'Zeynep', 'Burak', 'Elif', 'Mehmet', 'Ayşe'],
    family: ['Yılmaz', 'Öztürk', 'Kaya', 'Demir', 'Çelik', 'Arslan'],
  },
  greek: {
    given: ['Eleni', 'Nikos', 'Katerina', 'Giorgos'],
    family: ['Papadopoulos', 'Konstantinidis', 'Georgiou', 'Oikonomou'],
  },
  nordic: {
    given: ['Sigrid', 'Mikkel', 'Astrid', 'Bjørn', 'Ingrid', 'Leif'],
    family: ['Lindqvist', 'Haugen', 'Sørensen', 'Björklund', 'Halvorsen', 'Eriksdóttir'],
  },
  persian: {
    given: ['Dariush', 'Shirin', 'Kourosh', 'Parisa', 'Arash', 'Nasrin'],
    family: ['Rahimi', 'Tehrani', 'Ghorbani', 'Moradi', 'Esfahani', 'Karimzadeh'],
  },
  thai: {
    given: ['Somchai', 'Kanokwan', 'Anurak', 'Pimchanok'],
    family: ['Wongsawat', 'Srisuk', 'Chaiyaporn', 'Rattanakosin'],
  },
  indonesian_malay: {
    given: ['Putri', 'Bagus', 'Siti Nurhaliza', 'Agus', 'Nur Aisyah'],
    family: ['Wijaya', 'Santoso', 'Hidayat', 'binti Ismail', 'Kusumawardani'],
  },
  hungarian_romanian: {
    given: ['Zsófia', 'Levente', 'Ioana', 'Mihai', 'Réka'],
    family: ['Szabó', 'Nagy-Kovács', 'Popescu', 'Ionescu', 'Farkas'],
  },
  pacific_native: {
    given: ['Keoni', 'Leilani', 'Tama', 'Aroha', 'Wiremu'],
    family: ['Kahananui', 'Ngata', 'Tuilagi', 'Begay', 'Yazzie'],
  },
  filipino: {
    given: ['Maricel', 'Jomar', 'Rowena', 'Arnel'],
    family: ['Dimaculangan', 'Bautista', 'Macaraeg', 'Soriano'],
  },
};

/** Names in their own scripts: written family name first, as a whole. */
export const NATIVE = {
  chinese: { family: ['王', '李', '陈', '刘', '赵', '黄'], given: ['伟', '秀英', '建国', '丽娟', '志强', '静'], join: '' },
  japanese: { family: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺'], given: ['太郎', '花子', '翔太', '美咲', '健一', '陽菜'], join: '' },
  korean: { family: ['김', '이', '박', '최', '정'], given: ['민준', '서연', '지훈', '하은', '도윤'], join: '' },
  russian: { family: ['Иванова', 'Смирнов', 'Кузнецов', 'Попова', 'Соколов'], given: ['Анна', 'Дмитрий', 'Елена', 'Сергей', 'Ольга'], join: ' ', givenFirst: true },
  greek: { family: ['Παπαδόπουλος', 'Γεωργίου', 'Νικολάου'], given: ['Ελένη', 'Νίκος', 'Μαρία'], join: ' ', givenFirst: true },
  arabic: { family: ['الحسن', 'العمري', 'حداد'], given: ['محمد', 'فاطمة', 'أحمد'], join: ' ', givenFirst: true },
  hebrew: { family: ['כהן', 'לוי', 'מזרחי'], given: ['נועה', 'יוסף', 'תמר'], join: ' ', givenFirst: true },
  hindi: { family: ['शर्मा', 'वर्मा', 'गुप्ता'], given: ['राहुल', 'प्रिया', 'अमित'], join: ' ', givenFirst: true },
};
