"""Knowledge as data: occupations and titles, skills and tools, certifications and licences, degree fields,
industries and languages. Each data file in this folder says where its entries come from; loaders here
parse them. Code elsewhere holds mechanisms and reads domain words only through this package."""
