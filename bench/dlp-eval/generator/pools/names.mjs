/**
 * Personal names by naming tradition, written for this evaluation (not taken from the detectors or
 * from any name list they use). Each tradition lists given names and family names as people write
 * them in Latin script, with their diacritics, particles and compound forms.
 */
export const NAME_TRADITIONS = {
  anglo: {
    given: ['Bethany', 'Caleb', 'Deirdre', 'Gareth', 'Imogen', 'Jasper', 'Lorna', 'Malcolm', 'Nigel', 'Philippa', 'Rowan', 'Tabitha', 'Wesley', 'Courtney', 'Dwayne', 'Harriet', 'Trevor', 'Marcy'],
    family: ['Whitfield', 'Hargreaves', 'Pemberton', 'Ashworth', 'Blackwood', 'Fairclough', 'Thornton', 'Kettering', 'Oakley', 'Prescott', 'Radcliffe', 'Sutcliffe', 'Yardley', 'McAllister', "O'Donnell", 'Fitzgerald', 'Kowalczyk-Hart'],
  },
  hispanic: {
    given: ['Alejandro', 'Ximena', 'Joaquín', 'Itzel', 'Rodrigo', 'Guadalupe', 'Esteban', 'Marisol', 'Iñaki', 'Valentina', 'Fernanda', 'Héctor', 'Yolanda', 'Santiago', 'Ramona', 'Nicolás'],
    family: ['Castillo', 'Villalobos', 'Quintero', 'Echeverría', 'Ibáñez', 'Zamora', 'Bustamante', 'Carrasco', 'Peña', 'Montoya', 'Arriaga', 'Sepúlveda', 'de la Cruz', 'García Lorca', 'Olvera', 'Saldívar'],
  },
  lusophone: {
    given: ['João', 'Thiago', 'Luana', 'Gonçalo', 'Beatriz', 'Rafaela', 'Vinícius', 'Conceição', 'Leandro', 'Inês', 'Caio', 'Débora'],
    family: ['Figueiredo', 'Magalhães', 'Albuquerque', 'Nogueira', 'Cavalcanti', 'Teixeira', 'Brandão', 'Assunção', 'dos Santos', 'Guimarães', 'Falcão', 'Loureiro'],
  },
  french: {
    given: ['Amélie', 'Benoît', 'Clémence', 'Étienne', 'Gaëlle', 'Hugues', 'Laetitia', 'Mathéo', 'Océane', 'Régis', 'Solène', 'Thibault', 'Maëlys'],
    family: ['Lefebvre', 'Girardot', 'Delacroix', 'Beaumont', 'Chevalier', 'Fontaine', 'Rousseau', 'Marchetti', 'Duplessis', 'Lemaire', 'Vasseur', 'Pelletier', 'Boulanger-Roy'],
  },
  german: {
    given: ['Jürgen', 'Annegret', 'Torsten', 'Friederike', 'Lukas', 'Henrike', 'Dieter', 'Wiebke', 'Matthias', 'Sönke', 'Ulrike', 'Kai-Uwe'],
    family: ['Müller-Lüdenscheidt', 'Schwarzkopf', 'Hoffmeister', 'Brandstätter', 'Kessler', 'Lindemann', 'Vogt', 'Weißenborn', 'Zimmermann', 'Oberländer', 'Straub', 'von Arnim'],
  },
  italian: {
    given: ['Giacomo', 'Chiara', 'Lorenzo', 'Ludovica', 'Pierluigi', 'Graziella', 'Raffaele', 'Benedetta', 'Salvatore', 'Ornella', 'Federico'],
    family: ['Bianchi', 'Esposito', 'Lombardi', 'Ferraro', 'Gallo', 'Caruso', 'Mancini', 'Santoro', 'Vitale', 'De Luca', 'Pellegrino', 'Morelli'],
  },
  slavic: {
    given: ['Łukasz', 'Agnieszka', 'Wojciech', 'Katarzyna', 'Dmitri', 'Svetlana', 'Bogdan', 'Jelena', 'Miroslav', 'Zuzana', 'Radek', 'Oksana', 'Yaroslav'],
    family: ['Wiśniewski', 'Zielińska', 'Kowalczyk', 'Dąbrowski', 'Petrov', 'Sokolova', 'Novotný', 'Horvat', 'Kovačević', 'Shevchenko', 'Bondarenko', 'Jankowska', 'Dvořák'],
  },
  nordic_dutch: {
    given: ['Sigrid', 'Henrik', 'Astrid', 'Joost', 'Femke', 'Lars', 'Ingrid', 'Maarten', 'Saskia', 'Bjørn', 'Eerik', 'Liisa'],
    family: ['Lindqvist', 'Johansson', 'Bergström', 'van der Berg', 'de Vries', 'Janssens', 'Halvorsen', 'Nyström', 'Korhonen', 'Virtanen', 'van Dijk', 'Søndergaard'],
  },
  greek_turkish: {
    given: ['Eleni', 'Dimitrios', 'Vasiliki', 'Stavros', 'Theodora', 'Emre', 'Zeynep', 'Burak', 'Elif', 'Mehmet', 'Ayşe', 'Oğuz'],
    family: ['Papadopoulos', 'Karagiannis', 'Oikonomou', 'Alexiou', 'Yılmaz', 'Çelik', 'Öztürk', 'Aydın', 'Kaya', 'Demirci', 'Şahin', 'Papageorgiou'],
  },
  arabic: {
    given: ['Youssef', 'Layla', 'Khalid', 'Noor', 'Tariq', 'Rania', 'Omar', 'Samira', 'Hamza', 'Yasmin', 'Karim', 'Dalia', 'Bilal'],
    family: ['Al-Sayed', 'Haddad', 'Mansour', 'El-Amin', 'Qureshi', 'Nasser', 'Khoury', 'Barakat', 'Abdelrahman', 'Farouk', 'Saleh', 'Hijazi', 'Al-Harbi'],
  },
  persian_hebrew: {
    given: ['Dariush', 'Shirin', 'Kourosh', 'Parisa', 'Arash', 'Avital', 'Yonatan', 'Noa', 'Eitan', 'Tamar', 'Golnar'],
    family: ['Hosseini', 'Rahimi', 'Tehrani', 'Jafari', 'Moradi', 'Ben-David', 'Rosenblatt', 'Mizrahi', 'Katzenelson', 'Azoulay', 'Shapiro'],
  },
  south_asian: {
    given: ['Priya', 'Arjun', 'Ananya', 'Vikram', 'Lakshmi', 'Rohan', 'Meenakshi', 'Siddharth', 'Kavitha', 'Aniruddha', 'Deepika', 'Harpreet', 'Farhan', 'Tanvir', 'Nimali'],
    family: ['Raghunathan', 'Iyer', 'Chatterjee', 'Venkataraman', 'Deshpande', 'Bhattacharya', 'Subramanian', 'Kulkarni', 'Sandhu', 'Choudhury', 'Rahman', 'Jayasuriya', 'Malhotra', 'Pillai'],
  },
  east_asian: {
    given: ['Wei', 'Xiaoling', 'Jianhua', 'Meiling', 'Haruto', 'Yui', 'Takeshi', 'Sakura', 'Min-jun', 'Seo-yeon', 'Ji-hoon', 'Hyun-woo', 'Zhiwei', 'Kaori'],
    family: ['Zhang', 'Liu', 'Huang', 'Zhou', 'Nakamura', 'Watanabe', 'Kobayashi', 'Yamamoto', 'Park', 'Choi', 'Jeong', 'Kang', 'Ouyang', 'Fujiwara'],
  },
  southeast_asian: {
    given: ['Thanh', 'Linh', 'Quang', 'Hoa', 'Somchai', 'Nattaya', 'Rizal', 'Siti', 'Jose Mari', 'Maricel', 'Bayu', 'Dewi'],
    family: ['Nguyễn', 'Trần', 'Phạm', 'Huỳnh', 'Srisuk', 'Wongsawat', 'Santoso', 'Wijaya', 'Dela Cruz', 'Bautista', 'Macapagal', 'Hartono'],
  },
  african: {
    given: ['Chidi', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Kwame', 'Abena', 'Tendai', 'Wanjiru', 'Babajide', 'Amara', 'Sipho', 'Nomvula', 'Tesfaye', 'Makeda', 'Obinna'],
    family: ['Okonkwo', 'Adebayo', 'Nwachukwu', 'Mensah', 'Boateng', 'Moyo', 'Kamau', 'Otieno', 'Abubakar', 'Dlamini', 'Ndlovu', 'Haile', 'Bekele', 'Eze', 'Oyelaran'],
  },
};

/** Honorifics and titles written before a family name. */
export const TITLES = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Mr', 'Ms', 'Dr', 'Mx.', 'Sr.', 'Sra.', 'Herr', 'Frau', 'Mme', 'M.'];
