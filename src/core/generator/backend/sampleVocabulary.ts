// Small, general vocabularies for example rows: what the records of common nouns are called
// ("a recipe" -> Mushroom risotto, "a bug" -> Crash when saving an empty form) and what common
// kinds of values look like (cities, phone numbers, specialties). Keyed by singular lower-case
// nouns; never by one app's spec. Values are fictional (names, 555 numbers, example.com).

/** People's names (varied origins); person-like records and fields take these. */
export const PEOPLE = [
  'Alice Martin', 'Bruno Diaz', 'Chen Wei', 'Dara Okafor', 'Emma Novak', 'Farid Haddad', 'Grace Kim', 'Hugo Silva', 'Ines Moreau', 'Jonas Berg',
];

/** Nouns of people: a record of one is named like a person, and so is a field named after one ("guestName", "author"). */
export const PERSON_NOUNS = new Set([
  'user', 'member', 'person', 'people', 'customer', 'client', 'patient', 'doctor', 'nurse', 'dentist', 'therapist', 'vet', 'employee', 'staff',
  'worker', 'manager', 'owner', 'student', 'pupil', 'teacher', 'tutor', 'instructor', 'trainer', 'coach', 'guest', 'attendee', 'participant',
  'visitor', 'speaker', 'author', 'writer', 'artist', 'reader', 'borrower', 'subscriber', 'contact', 'driver', 'tenant', 'landlord', 'agent',
  'volunteer', 'player', 'applicant', 'candidate', 'recipient', 'sender', 'assignee', 'reporter', 'reviewer', 'approver', 'parent', 'child',
  'librarian', 'admin', 'administrator', 'operator', 'technician', 'mechanic', 'courier', 'receptionist', 'caregiver', 'resident', 'traveller',
  'traveler', 'passenger', 'buyer', 'seller', 'host', 'organizer', 'organiser', 'lecturer', 'professor', 'athlete', 'friend', 'holder', 'donor',
  'referee', 'translator', 'interpreter', 'climber', 'learner', 'singer', 'musician', 'cleaner', 'landscaper', 'gardener', 'photographer',
  'researcher', 'officer', 'housekeeper', 'walker', 'rider', 'swimmer', 'runner', 'surgeon', 'pharmacist', 'consultant', 'engineer',
  'developer', 'designer', 'analyst', 'accountant', 'lawyer', 'cook', 'chef', 'waiter', 'pilot', 'scientist', 'editor', 'journalist', 'mentor',
  'mentee', 'intern', 'apprentice', 'caretaker', 'electrician', 'plumber', 'painter', 'neighbour', 'neighbor', 'fan', 'rower', 'crew',
]);

/** Nouns of organisations, whose records are named like companies. */
export const ORGANISATION_NOUNS = new Set([
  'supplier', 'vendor', 'company', 'manufacturer', 'publisher', 'organisation', 'organization', 'agency', 'partner', 'sponsor', 'firm',
  'carrier', 'distributor', 'retailer', 'wholesaler', 'insurer', 'employer', 'business', 'practice', 'institution', 'lab', 'laboratory',
  'charity', 'university', 'college', 'shop', 'store',
]);

/** Company names that could run any kind of business. */
export const COMPANIES = ['Northwind & Co.', 'Blue Harbor Group', 'Evergreen Partners', 'Summit Works', 'Brightline Ltd', 'Oak & Iron Co.'];

export const PET_NOUNS = new Set(['dog', 'cat', 'pet', 'puppy', 'kitten', 'horse', 'animal']);
export const PET_NAMES = ['Bella', 'Max', 'Luna', 'Charlie', 'Milo', 'Daisy', 'Rocky', 'Coco'];

/** What the records of a common noun are called: titles or names, in the words of that domain. */
export const RECORD_NAMES: Record<string, string[]> = {
  recipe: ['Mushroom risotto', 'Tomato soup', 'Lemon drizzle cake', 'Chickpea curry', 'Banana bread', 'Greek salad'],
  dish: ['Grilled salmon', 'Vegetable lasagne', 'Caesar salad', 'Beef stew', 'Falafel wrap', 'Pea and mint soup'],
  ingredient: ['Olive oil', 'Garlic', 'Basmati rice', 'Plum tomatoes', 'Fresh basil', 'Red lentils'],
  menu: ['Lunch menu', 'Dinner menu', 'Weekend brunch', 'Kids menu', 'Vegetarian menu'],
  book: ['The Quiet Harbour', 'A Short History of Maps', 'The Glass Orchard', 'Rivers of the North', 'Learning to Draw', 'The Night Garden'],
  novel: ['The Quiet Harbour', 'The Glass Orchard', 'The Night Garden', 'Salt and Silver', 'A Winter Crossing'],
  genre: ['Mystery', 'Science fiction', 'Biography', 'Poetry', 'History', 'Fantasy'],
  author: PEOPLE,
  event: ['Spring Jazz Night', 'Community Book Fair', 'Web Security Meetup', 'Charity 5K Run', 'Summer Food Festival', 'Open Air Cinema'],
  conference: ['DevConf 2030', 'Data Summit', 'Design Systems Day', 'Cloud Native Forum', 'Frontend Weekend'],
  meetup: ['Web Security Meetup', 'Rust Beginners Night', 'Product Managers Breakfast', 'Startup Pitch Evening', 'Open Source Saturday'],
  concert: ['Spring Jazz Night', 'Chamber Strings', 'Indie Rock Showcase', 'Choir in the Park', 'Piano Recital'],
  session: ['Opening keynote', 'Hands-on workshop', 'Panel discussion', 'Lightning talks', 'Closing remarks'],
  talk: ['Scaling a small team', 'Testing in production', 'Accessible forms', 'The cost of a query', 'Lessons from an outage'],
  workshop: ['Watercolour Basics', 'Intro to Pottery', 'Bread Baking 101', 'Public Speaking', 'Photography Walk'],
  course: ['Introduction to Python', 'Modern European History', 'Statistics 101', 'Spanish for Beginners', 'Digital Marketing Basics'],
  lesson: ['Variables and types', 'Loops and conditions', 'Working with files', 'Functions', 'Testing your code'],
  class: ['Morning Yoga', 'HIIT Express', 'Pilates Core', 'Spin Class', 'Evening Stretch', 'Boxing Basics'],
  workout: ['Full-body circuit', 'Upper-body strength', '5K tempo run', 'Core and mobility', 'Leg day'],
  exercise: ['Squats', 'Push-ups', 'Plank', 'Lunges', 'Deadlift', 'Pull-ups'],
  task: ['Plan the kickoff', 'Review the budget', 'Write the report', 'Call the supplier', 'Update the website', 'Book the venue'],
  todo: ['Buy groceries', 'Renew passport', 'Pay the electricity bill', 'Call the dentist', 'Water the plants'],
  chore: ['Take out the recycling', 'Vacuum the living room', 'Water the plants', 'Clean the kitchen', 'Walk the dog'],
  project: ['Website redesign', 'Mobile app launch', 'Office move', 'Customer survey', 'Data migration', 'Annual report'],
  milestone: ['Prototype ready', 'Beta release', 'Public launch', 'First 100 customers', 'Security review done'],
  sprint: ['Sprint 1: Foundations', 'Sprint 2: Checkout', 'Sprint 3: Search', 'Sprint 4: Polish', 'Sprint 5: Launch'],
  release: ['v1.0 Initial release', 'v1.1 Bug fixes', 'v1.2 Dark mode', 'v2.0 New editor', 'v2.1 Performance'],
  bug: [
    'Crash when saving an empty form', 'Login button does nothing on Safari', 'Search ignores accented letters', 'Dates shown in the wrong time zone',
    'Export cuts off the last row', 'Password reset email never arrives',
  ],
  issue: ['Checkout page loads slowly', 'Broken link in the footer', 'Typo on the pricing page', 'Images not loading on mobile', 'Wrong total after a discount'],
  defect: ['Scratched casing', 'Loose hinge', 'Dead pixel on display', 'Missing screw', 'Faded print'],
  ticket: ['Cannot reset my password', 'Invoice shows the wrong address', 'App crashes on start', 'Refund for a double charge', 'How do I export my data?'],
  incident: ['API outage in EU region', 'Payment provider timeouts', 'Disk almost full on db-1', 'Elevated error rate', 'Expired TLS certificate'],
  feature: ['Dark mode', 'Export to CSV', 'Two-factor sign-in', 'Bulk edit', 'Keyboard shortcuts'],
  request: ['New laptop for onboarding', 'Access to the sales dashboard', 'Extra monitor', 'Holiday on 12 May', 'Software licence renewal'],
  post: ['Getting started with the garden', 'Five lessons from our first year', 'What we learned at the meetup', 'A weekend in the mountains', 'Our new office'],
  article: ['How to choose a good password', 'A beginner\'s guide to budgeting', 'Ten tips for remote teams', 'Why sleep matters', 'The history of coffee'],
  thread: ['Welcome: introduce yourself', 'Best way to learn TypeScript?', 'Weekend meetup ideas', 'Favourite productivity tools', 'Feedback on the new layout'],
  topic: ['Introductions', 'Getting help', 'Show and tell', 'Announcements', 'Off-topic'],
  question: ['How do I reset my password?', 'Which plan suits a small team?', 'Can I change my delivery date?', 'Is there a student discount?', 'Where is my order?'],
  board: ['General discussion', 'Announcements', 'Help and support', 'Feature ideas', 'Off-topic'],
  channel: ['general', 'random', 'announcements', 'support', 'engineering'],
  note: ['Meeting notes', 'Shopping list', 'Ideas for the weekend', 'Reading list', 'Packing list'],
  entry: ['A quiet Sunday', 'First day at the new job', 'Trip to the coast', 'Notes from the workshop', 'Looking back at the year'],
  survey: ['Customer satisfaction 2030', 'Employee engagement', 'Event feedback', 'Product research', 'Onboarding experience'],
  poll: ['Where should we have lunch?', 'Best day for the team meeting?', 'Which logo do you prefer?', 'Next book club pick', 'Office music: yes or no?'],
  quiz: ['World capitals', 'Kitchen science', 'Famous painters', 'Space and planets', 'Pop music of the 90s'],
  playlist: ['Morning focus', 'Road trip', 'Sunday chill', 'Workout mix', 'Dinner party'],
  song: ['Harbour Lights', 'Paper Moon Dance', 'Northbound', 'Slow River', 'City After Rain'],
  album: ['Summer Sessions', 'Live at the Hall', 'Quiet Hours', 'Northern Lights', 'First Light'],
  movie: ['The Long Winter', 'Midnight Express Line', 'A Year in Lisbon', 'The Lighthouse Keeper', 'Small Victories'],
  photo: ['Sunrise over the bay', 'Market day', 'Old town at night', 'Autumn forest', 'Harbour boats'],
  gallery: ['Summer holiday', 'Wedding', 'Garden in bloom', 'City walks', 'Family portraits'],
  room: ['Blue Room', 'Garden Suite', 'Conference Room A', 'Studio 2', 'Harbour View Room'],
  venue: ['Main Hall', 'Riverside Studio', 'City Library', 'Harbour Centre', 'Garden Room'],
  warehouse: ['North Warehouse', 'Central Depot', 'Harbour Store', 'East Distribution Centre', 'Overflow Unit'],
  department: ['Sales', 'Engineering', 'Finance', 'Marketing', 'Customer support'],
  service: ['Haircut', 'Full car service', 'Deep cleaning', 'Consultation', 'Massage (60 min)'],
  treatment: ['Physiotherapy session', 'Dental cleaning', 'Flu vaccination', 'Blood test', 'Eye examination'],
  medication: ['Ibuprofen 200 mg', 'Amoxicillin 500 mg', 'Paracetamol 500 mg', 'Cetirizine 10 mg', 'Vitamin D 1000 IU'],
  appointment: ['Annual check-up', 'Follow-up visit', 'Vaccination', 'Consultation', 'Blood test'],
  plan: ['Basic', 'Standard', 'Premium', 'Team', 'Enterprise'],
  subscription: ['Basic monthly', 'Standard monthly', 'Premium yearly', 'Student', 'Family'],
  vehicle: ['Ford Transit', 'Toyota Corolla', 'Volkswagen Golf', 'Renault Kangoo', 'Tesla Model 3'],
  car: ['Toyota Corolla', 'Volkswagen Golf', 'Honda Civic', 'Tesla Model 3', 'Skoda Octavia'],
  trip: ['Lisbon to Porto', 'Airport run', 'Depot to city centre', 'Weekly supplier round', 'Coastal route'],
  route: ['Lisbon to Porto', 'Airport loop', 'City centre round', 'Coastal route', 'Northern line'],
  destination: ['Lisbon', 'Kyoto', 'Reykjavik', 'Cape Town', 'Vancouver'],
  hotel: ['Harbour View Hotel', 'The Old Mill Inn', 'City Central Suites', 'Seaside Lodge', 'Mountain Rest'],
  property: ['Sunny two-bed flat', 'Cottage with garden', 'City studio', 'Family house near the park', 'Loft by the river'],
  listing: ['Sunny two-bed flat', 'Cottage with garden', 'City studio', 'Vintage bicycle', 'Oak dining table'],
  expense: ['Train ticket', 'Office supplies', 'Team lunch', 'Software subscription', 'Taxi to the airport'],
  budget: ['Groceries', 'Rent', 'Travel', 'Entertainment', 'Utilities'],
  account: ['Everyday account', 'Savings account', 'Credit card', 'Holiday fund', 'Business account'],
  goal: ['Run a half marathon', 'Save for a holiday', 'Read 20 books', 'Learn Spanish', 'Cook at home more'],
  habit: ['Morning run', 'Read 20 pages', 'Drink water', 'Meditate 10 minutes', 'No phone after 10 pm'],
  document: ['Contract draft', 'Quarterly report', 'Onboarding checklist', 'Meeting minutes', 'Style guide'],
  campaign: ['Spring sale', 'Back to school', 'Newsletter relaunch', 'Black Friday', 'Customer referral'],
  deal: ['Annual licence renewal', 'Office fit-out', 'Pilot with retail chain', 'Website rebuild', 'Support contract'],
  asset: ['Laptop 14-inch', 'Projector', 'Label printer', 'Office chair', 'Delivery van'],
  equipment: ['Treadmill', 'Rowing machine', 'Projector', 'Pressure washer', 'Ladder 3 m'],
  device: ['Laptop 14-inch', 'Tablet', 'Barcode scanner', 'Smartphone', 'Wireless headset'],
  tool: ['Cordless drill', 'Ladder 3 m', 'Pressure washer', 'Tile cutter', 'Hedge trimmer'],
  plant: ['Monstera', 'Basil', 'Lavender', 'Snake plant', 'Cherry tomato'],
  skill: ['TypeScript', 'Public speaking', 'Project management', 'SQL', 'Negotiation'],
  position: ['Software engineer', 'Product designer', 'Accountant', 'Sales manager', 'Support specialist'],
  specialty: ['Cardiology', 'Dermatology', 'Paediatrics', 'General practice', 'Orthopaedics'],
  city: ['Lisbon', 'Oslo', 'Kyoto', 'Lima', 'Accra', 'Montreal'],
  country: ['Portugal', 'Norway', 'Japan', 'Peru', 'Ghana', 'Canada'],
  language: ['English', 'Spanish', 'French', 'Japanese', 'Arabic'],
  color: ['Blue', 'Green', 'Red', 'Black', 'White', 'Yellow'],
  make: ['Toyota', 'Ford', 'Volkswagen', 'Renault', 'Honda'],
  breed: ['Labrador', 'Beagle', 'Border collie', 'Dachshund', 'Golden retriever'],
  species: ['Dog', 'Cat', 'Rabbit', 'Guinea pig', 'Parrot'],
  instrument: ['Piano', 'Violin', 'Guitar', 'Cello', 'Flute'],
  material: ['Oak', 'Steel', 'Ceramic', 'Glass', 'Wool'],
  season: ['Spring 2030', 'Summer 2030', 'Autumn 2030', 'Winter 2030', 'Spring 2031'],
  term: ['Autumn term', 'Spring term', 'Summer term', 'Winter term', 'Summer school'],
  tournament: ['Spring Open', 'Club Championship', 'Winter Rapid', 'Junior Cup', 'Summer Blitz'],
  crop: ['Potatoes', 'Winter wheat', 'Carrots', 'Strawberries', 'Broad beans'],
  wine: ['Estate Red 2028', 'Old Vine Riesling', 'Reserve Chardonnay', 'Hillside Rosé', 'Cabernet Franc 2027'],
  boat: ['Sea Swallow', 'Blue Heron', 'Morning Star', 'Silver Tide', 'Wind Dancer'],
  studio: ['Studio A', 'Daylight Studio', 'Loft Studio', 'Black Box', 'Garden Studio'],
  grant: ['Community Garden Fund', 'Youth Arts Grant', 'Green Energy Pilot', 'Digital Skills Fund', 'Heritage Restoration'],
  brand: ['Northwind', 'Evergreen', 'Summit', 'Brightline', 'Oakridge'],
  street: ['12 Harbour Street', '3 Elm Road', '48 Station Avenue', '7 Mill Lane', '21 Park Crescent'],
};

/** Nouns that name the same kind of record as another. */
const SAME_AS: Record<string, string> = {
  job: 'position', track: 'song', film: 'movie', file: 'document', forum: 'board', location: 'venue', colour: 'color', speciality: 'specialty',
};
for (const [alias, noun] of Object.entries(SAME_AS)) RECORD_NAMES[alias] = RECORD_NAMES[noun];

/**
 * Themes told apart by words of the whole spec (title, description, requirement sentences), as
 * written: plural nouns where the singular is also a verb ("guests book classes" is no library).
 */
export const THEME_WORDS: Record<string, string[]> = {
  food: [
    'recipe', 'recipes', 'bakery', 'cafe', 'café', 'restaurant', 'kitchen', 'cooking', 'meal', 'meals', 'food', 'dish', 'dishes', 'grocery',
    'groceries', 'ingredient', 'ingredients', 'bread', 'cakes', 'coffee', 'deli', 'menu',
  ],
  books: ['library', 'books', 'bookstore', 'bookshop', 'novel', 'novels', 'librarian', 'librarians', 'isbn', 'publisher', 'publishers'],
  tech: ['software', 'bug', 'bugs', 'developer', 'developers', 'release', 'releases', 'sprint', 'sprints', 'features', 'repository', 'repositories'],
  fashion: ['clothing', 'clothes', 'fashion', 'apparel', 'shirts', 'shoes', 'dresses', 'boutique'],
  garden: ['garden', 'gardening', 'plants', 'nursery', 'seeds', 'flowers'],
  sport: ['league', 'football', 'soccer', 'rugby', 'hockey', 'basketball', 'tournament', 'tournaments', 'referee', 'referees', 'players', 'teams'],
};

/** Nouns whose records differ by theme (a bakery's products are not a hardware shop's); `default` otherwise. */
export const THEMED_NAMES: Record<string, Record<string, string[]>> = {
  product: {
    food: ['Sourdough loaf', 'Butter croissant', 'Cinnamon roll', 'Carrot cake', 'Rye bread', 'Almond tart'],
    books: ['The Quiet Harbour', 'A Short History of Maps', 'The Glass Orchard', 'Rivers of the North', 'Learning to Draw'],
    fashion: ['Linen shirt', 'Wool scarf', 'Denim jacket', 'Leather belt', 'Canvas sneakers'],
    garden: ['Lavender (2 l pot)', 'Compost 40 l', 'Terracotta pot', 'Pruning shears', 'Tomato seeds'],
    tech: ['Pro plan licence', 'USB-C hub', 'Mechanical keyboard', 'Cloud backup 1 TB', '27-inch monitor'],
    default: ['Desk lamp', 'Ceramic mug', 'Wireless mouse', 'A5 notebook', 'Steel water bottle', 'Cotton tote bag'],
  },
  category: {
    food: ['Bread', 'Cakes', 'Pastries', 'Soups', 'Desserts'],
    books: ['Fiction', 'History', 'Science', 'Children', 'Travel'],
    fashion: ['Shirts', 'Outerwear', 'Accessories', 'Shoes', 'Knitwear'],
    garden: ['Indoor plants', 'Herbs', 'Tools', 'Pots', 'Seeds'],
    tech: ['Frontend', 'Backend', 'Infrastructure', 'Documentation', 'Security'],
    default: ['Office', 'Kitchen', 'Garden', 'Travel', 'Household'],
  },
  team: {
    sport: ['Riverside Rovers', 'Harbour United', 'Northside FC', 'Old Town Athletic', 'Valley Rangers'],
    default: ['Platform', 'Mobile', 'Growth', 'Design', 'Data'],
  },
  tag: {
    food: ['vegan', 'dessert', 'quick', 'gluten-free', 'breakfast'],
    books: ['classic', 'award winner', 'new arrival', 'staff pick', 'series'],
    fashion: ['new in', 'sale', 'organic cotton', 'limited edition', 'bestseller'],
    garden: ['shade', 'full sun', 'pet-safe', 'perennial', 'edible'],
    tech: ['frontend', 'backend', 'urgent', 'ux', 'docs'],
    default: ['important', 'idea', 'follow-up', 'personal', 'work'],
  },
};
THEMED_NAMES.item = THEMED_NAMES.product;
THEMED_NAMES.label = THEMED_NAMES.tag;

/** What people write under a record (comment, reply, review bodies). */
export const REMARKS: Record<string, string[]> = {
  food: ['Made this tonight and it turned out great.', 'I used less sugar and it was still lovely.', 'Could you add the oven temperature?', 'Doubled the garlic, no regrets.', 'A new family favourite.'],
  default: ['Thanks for sharing, this helped a lot.', 'Could you add a bit more detail on the second step?', 'Agreed, this works well for us too.', 'Good point, I had not thought of that.', 'Following: I have the same question.'],
};

/** Short notes on a booking, an order, an expense or a visit. */
export const NOTES = ['Please confirm by email.', 'Paid in advance.', 'Discussed on the phone.', 'Follow up next week.', 'Prefers mornings.'];

/** A few lines of a person's profile. */
export const BIOS = ['Enjoys hiking and board games.', 'Weekend baker and cyclist.', 'Coffee first, then everything else.', 'Learning Spanish, one word at a time.', 'Collects old maps.'];

export const INGREDIENT_LISTS = [
  '400 g plum tomatoes\n1 onion\n2 cloves garlic\n2 tbsp olive oil',
  '300 g arborio rice\n250 g mushrooms\n1 l vegetable stock\n50 g parmesan',
  '200 g flour\n100 g butter\n2 eggs\n1 lemon',
];

export const STEP_LISTS = [
  '1. Chop the vegetables.\n2. Fry them gently for 5 minutes.\n3. Simmer for 20 minutes and season.',
  '1. Warm the stock.\n2. Toast the rice, then add the stock a ladle at a time.\n3. Stir in the cheese and rest for 2 minutes.',
  '1. Heat the oven to 180 °C.\n2. Mix the ingredients into a smooth batter.\n3. Bake for 40 minutes.',
];
